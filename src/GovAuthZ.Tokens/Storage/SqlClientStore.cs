using GovAuthZ.Tokens.Clients;

namespace GovAuthZ.Tokens.Storage;

/// <summary>
/// Registered clients in the database. Every lookup reads the row, so a registration changed or removed by
/// any replica takes effect on the next request; the server puts a <see cref="CachingClientStore"/> in
/// front, invalidated through <see cref="ClientChanged"/>. Thread-safe.
/// </summary>
public sealed class SqlClientStore : IClientStore
{
    private readonly TokenDatabase _database;
    private readonly TimeProvider _time;

    public SqlClientStore(TokenDatabase database, TimeProvider timeProvider)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    /// <summary>Raised with the client id after this instance saved or removed a registration.</summary>
    public event EventHandler<string>? ClientChanged;

    public async ValueTask<OAuthClient?> FindByIdAsync(string clientId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(clientId))
        {
            return null;
        }

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = TokenDatabase.CreateCommand(connection, null, "SELECT document FROM gaz_clients WHERE client_id = @id", ("@id", clientId));
            await using (command.ConfigureAwait(false))
            {
                return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string json
                    ? ClientDocument.Deserialize(clientId, json)
                    : null;
            }
        }
    }

    /// <summary>
    /// Validates and adds or replaces a client. <paramref name="jwksJson"/> is the registered JWKS text,
    /// required when the client has keys (the parsed key set cannot be written back).
    /// </summary>
    public async Task SaveAsync(OAuthClient client, string? jwksJson = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.Validate();
        if ((client.Jwks is null) != (jwksJson is null))
        {
            throw new ArgumentException("pass the JWKS text exactly when the client has registered keys", nameof(jwksJson));
        }

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await TokenDatabase.ExecuteAsync(
                connection, null,
                "INSERT INTO gaz_clients (client_id, document, updated_at) VALUES (@id, @doc, @at) "
                + "ON CONFLICT (client_id) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at",
                cancellationToken,
                ("@id", client.ClientId), ("@doc", ClientDocument.Serialize(client, jwksJson)), ("@at", TokenDatabase.ToTicks(_time.GetUtcNow()))).ConfigureAwait(false);
        }

        ClientChanged?.Invoke(this, client.ClientId);
    }

    public async Task<bool> RemoveAsync(string clientId, CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var removed = await TokenDatabase.ExecuteAsync(connection, null, "DELETE FROM gaz_clients WHERE client_id = @id", cancellationToken, ("@id", clientId)).ConfigureAwait(false) == 1;
            ClientChanged?.Invoke(this, clientId);
            return removed;
        }
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = TokenDatabase.CreateCommand(connection, null, "SELECT COUNT(*) FROM gaz_clients");
            await using (command.ConfigureAwait(false))
            {
                return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }
}
