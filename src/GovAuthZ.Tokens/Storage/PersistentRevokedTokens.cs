using GovAuthZ.Tokens.Validation;

namespace GovAuthZ.Tokens.Storage;

/// <summary>
/// Revocations written to the database and mirrored in memory: <see cref="IsRevokedAsync"/> runs on every
/// validation and never touches the database. <see cref="LoadAsync"/> fills the memory set at start and,
/// called periodically, picks up revocations made by other replicas. Thread-safe.
/// </summary>
public sealed class PersistentRevokedTokens : IRevokedTokenStore
{
    private readonly TokenDatabase _database;
    private readonly TimeProvider _time;
    private readonly InMemoryRevokedTokens _memory;

    public PersistentRevokedTokens(TokenDatabase database, TimeProvider timeProvider)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _memory = new InMemoryRevokedTokens(timeProvider);
    }

    /// <summary>Revoked ids held in memory now.</summary>
    public int Count => _memory.Count;

    public ValueTask<bool> IsRevokedAsync(string tokenId, CancellationToken cancellationToken) =>
        _memory.IsRevokedAsync(tokenId, cancellationToken);

    /// <summary>Durable first, then in memory: a revocation that was acknowledged survives a restart.</summary>
    public async ValueTask RevokeAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenId);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await TokenDatabase.ExecuteAsync(
                connection, null,
                "INSERT INTO gaz_revoked_tokens (jti, expires_at) VALUES (@jti, @exp) ON CONFLICT (jti) DO UPDATE SET expires_at = excluded.expires_at",
                cancellationToken, ("@jti", tokenId), ("@exp", TokenDatabase.ToTicks(expiresAt))).ConfigureAwait(false);
        }

        _memory.Revoke(tokenId, expiresAt);
    }

    /// <summary>Adds every stored revocation whose token has not expired to the memory set; returns how many were read.</summary>
    public async Task<int> LoadAsync(CancellationToken cancellationToken = default)
    {
        var count = 0;
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = TokenDatabase.CreateCommand(connection, null, "SELECT jti, expires_at FROM gaz_revoked_tokens WHERE expires_at > @now", ("@now", TokenDatabase.ToTicks(_time.GetUtcNow())));
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        _memory.Revoke(reader.GetString(0), TokenDatabase.FromTicks(reader.GetInt64(1)));
                        count++;
                    }
                }
            }
        }

        return count;
    }

    /// <summary>Forgets revocations of tokens that have expired anyway, in the database and in memory.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken = default)
    {
        _memory.Prune();
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await TokenDatabase.ExecuteAsync(
                connection, null, "DELETE FROM gaz_revoked_tokens WHERE expires_at <= @now", cancellationToken,
                ("@now", TokenDatabase.ToTicks(_time.GetUtcNow()))).ConfigureAwait(false);
        }
    }
}
