namespace GovAuthZ.Tokens.Storage;

/// <summary>
/// Tables of the authorization-code flow, created with the rest of the token schema: end users, and
/// codes keyed by their SHA-256 (state 0 fresh, 1 redeemed, 2 replayed; issued = JSON of the tokens
/// issued from the code, so a replay can revoke them); the scopes each user granted each client
/// (space-separated, sorted); and sign-in sessions ended before their cookie expired.
/// </summary>
internal static class AuthorizationSchema
{
    public const string Sql = """
        CREATE TABLE IF NOT EXISTS gaz_users (user_id TEXT PRIMARY KEY, document TEXT NOT NULL, updated_at BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS gaz_authorization_codes (
            code_hash TEXT PRIMARY KEY, document TEXT NOT NULL, expires_at BIGINT NOT NULL,
            state INTEGER NOT NULL, issued TEXT NULL);
        CREATE TABLE IF NOT EXISTS gaz_scope_consents (
            user_id TEXT NOT NULL, client_id TEXT NOT NULL, scopes TEXT NOT NULL, updated_at BIGINT NOT NULL,
            PRIMARY KEY (user_id, client_id));
        CREATE TABLE IF NOT EXISTS gaz_ended_sessions (session_id TEXT PRIMARY KEY, expires_at BIGINT NOT NULL);
        """;
}
