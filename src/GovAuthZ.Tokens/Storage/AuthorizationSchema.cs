namespace GovAuthZ.Tokens.Storage;

/// <summary>
/// Tables of the authorization-code flow, created with the rest of the token schema: end users, and
/// codes keyed by their SHA-256 (state 0 fresh, 1 redeemed, 2 replayed; issued = JSON of the tokens
/// issued from the code, so a replay can revoke them).
/// </summary>
internal static class AuthorizationSchema
{
    public const string Sql = """
        CREATE TABLE IF NOT EXISTS gaz_users (user_id TEXT PRIMARY KEY, document TEXT NOT NULL, updated_at BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS gaz_authorization_codes (
            code_hash TEXT PRIMARY KEY, document TEXT NOT NULL, expires_at BIGINT NOT NULL,
            state INTEGER NOT NULL, issued TEXT NULL);
        """;
}
