using GovAuthZ.Tokens.Sessions;

namespace GovAuthZ.Tokens.Storage;

/// <summary>Ended sign-in sessions in the database, so a logout at one replica holds at every replica. Thread-safe.</summary>
public sealed class SqlEndedSessionStore : IEndedSessionStore
{
    private readonly TokenDatabase _database;

    public SqlEndedSessionStore(TokenDatabase database)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
    }

    public async ValueTask EndAsync(string sessionId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await TokenDatabase.ExecuteAsync(
                connection, null, "INSERT INTO gaz_ended_sessions (session_id, expires_at) VALUES (@id, @exp) ON CONFLICT (session_id) DO NOTHING",
                cancellationToken, ("@id", sessionId), ("@exp", TokenDatabase.ToTicks(expiresAt))).ConfigureAwait(false);
        }
    }

    public async ValueTask<bool> IsEndedAsync(string sessionId, CancellationToken cancellationToken)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = TokenDatabase.CreateCommand(connection, null, "SELECT 1 FROM gaz_ended_sessions WHERE session_id = @id", ("@id", sessionId));
            await using (command.ConfigureAwait(false))
            {
                return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null and not DBNull;
            }
        }
    }

    public async ValueTask<int> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await TokenDatabase.ExecuteAsync(
                connection, null, "DELETE FROM gaz_ended_sessions WHERE expires_at <= @t", cancellationToken, ("@t", TokenDatabase.ToTicks(now))).ConfigureAwait(false);
        }
    }
}
