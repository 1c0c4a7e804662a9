using GovAuthZ.Tokens.Authorization;

namespace GovAuthZ.Tokens.Storage;

/// <summary>
/// Consents in the database, one row per (user, client). A grant reads and writes the row in one
/// transaction; two grants racing on different databases' isolation levels may keep only one of their
/// additions, which errs safe: the user is asked again for the scope that was lost. Thread-safe.
/// </summary>
public sealed class SqlScopeConsentStore : IScopeConsentStore
{
    private readonly TokenDatabase _database;
    private readonly TimeProvider _time;

    public SqlScopeConsentStore(TokenDatabase database, TimeProvider timeProvider)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    public async ValueTask<IReadOnlyList<string>> GetGrantedAsync(string userId, string clientId, CancellationToken cancellationToken)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await ReadAsync(connection, null, userId, clientId, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask<IReadOnlyList<string>> GrantAsync(string userId, string clientId, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentNullException.ThrowIfNull(scopes);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var merged = ScopeConsents.Union(await ReadAsync(connection, transaction, userId, clientId, cancellationToken).ConfigureAwait(false), scopes);
                await TokenDatabase.ExecuteAsync(
                    connection, transaction,
                    "INSERT INTO gaz_scope_consents (user_id, client_id, scopes, updated_at) VALUES (@u, @c, @s, @at) "
                    + "ON CONFLICT (user_id, client_id) DO UPDATE SET scopes = excluded.scopes, updated_at = excluded.updated_at",
                    cancellationToken,
                    ("@u", userId), ("@c", clientId), ("@s", string.Join(' ', merged)), ("@at", TokenDatabase.ToTicks(_time.GetUtcNow()))).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return merged;
            }
        }
    }

    private static async Task<IReadOnlyList<string>> ReadAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, string userId, string clientId, CancellationToken cancellationToken)
    {
        var command = TokenDatabase.CreateCommand(
            connection, transaction, "SELECT scopes FROM gaz_scope_consents WHERE user_id = @u AND client_id = @c", ("@u", userId), ("@c", clientId));
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string scopes
                ? scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                : [];
        }
    }
}
