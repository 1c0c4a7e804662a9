using GovAuthZ.Tokens.Clients;

namespace GovAuthZ.Tokens.Storage;

/// <summary>
/// The client-assertion replay cache in the token database, shared by every replica on it, so an
/// assertion accepted by one replica is a replay at all the others (RFC 7523 section 3, item 7). One
/// conditional upsert decides: a new (client, jti) is inserted; a recorded one is replaced only when its
/// entry has expired; a live one changes no row, which is the replay. The jti is stored as its SHA-256,
/// so the key has a fixed size whatever the client sends.
/// </summary>
public sealed class SqlClientAssertionReplayCache : IClientAssertionReplayCache
{
    internal const string SchemaSql = """
        CREATE TABLE IF NOT EXISTS gaz_client_assertions (
            client_id TEXT NOT NULL, jti_hash TEXT NOT NULL, expires_at BIGINT NOT NULL, PRIMARY KEY (client_id, jti_hash));
        """;

    private const string UpsertSql = """
        INSERT INTO gaz_client_assertions (client_id, jti_hash, expires_at) VALUES (@client, @jti, @expires)
        ON CONFLICT (client_id, jti_hash) DO UPDATE SET expires_at = excluded.expires_at
        WHERE gaz_client_assertions.expires_at <= @now
        """;

    private readonly TokenDatabase _database;
    private readonly TimeProvider _time;

    public SqlClientAssertionReplayCache(TokenDatabase database, TimeProvider timeProvider)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    public async ValueTask<bool> TryAddAsync(string clientId, string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        ArgumentNullException.ThrowIfNull(tokenId);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var changed = await TokenDatabase.ExecuteAsync(
                connection, null, UpsertSql, cancellationToken,
                ("@client", clientId), ("@jti", Hash(tokenId)), ("@expires", TokenDatabase.ToTicks(expiresAt)), ("@now", TokenDatabase.ToTicks(_time.GetUtcNow()))).ConfigureAwait(false);
            return changed == 1;
        }
    }

    /// <summary>Deletes entries that expired before <paramref name="now"/>; returns how many.</summary>
    public async Task<int> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await TokenDatabase.ExecuteAsync(connection, null, "DELETE FROM gaz_client_assertions WHERE expires_at <= @now", cancellationToken, ("@now", TokenDatabase.ToTicks(now))).ConfigureAwait(false);
        }
    }

    private static string Hash(string tokenId) => OpaqueValues.Sha256(tokenId);
}
