using System.Data.Common;
using System.Text.Json;
using GovAuthZ.Tokens.Authorization;

namespace GovAuthZ.Tokens.Storage;

/// <summary>
/// Codes in the database, shared by replicas. Every state change is one conditional UPDATE ... RETURNING,
/// so the database's row lock decides the single winner of concurrent redemptions, and a replay and the
/// recording of issued tokens always see each other's write. Thread-safe.
/// </summary>
public sealed class SqlAuthorizationCodeStore : IAuthorizationCodeStore
{
    private const int Fresh = 0;
    private const int Redeemed = 1;
    private const int Replayed = 2;

    private readonly TokenDatabase _database;

    public SqlAuthorizationCodeStore(TokenDatabase database)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
    }

    public async ValueTask StoreAsync(string codeHash, AuthorizationCodeGrant grant, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(codeHash);
        ArgumentNullException.ThrowIfNull(grant);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await TokenDatabase.ExecuteAsync(
                connection, null,
                "INSERT INTO gaz_authorization_codes (code_hash, document, expires_at, state) VALUES (@h, @doc, @exp, @fresh)",
                cancellationToken,
                ("@h", codeHash), ("@doc", JsonSerializer.Serialize(grant)), ("@exp", TokenDatabase.ToTicks(grant.ExpiresAt)), ("@fresh", Fresh)).ConfigureAwait(false);
        }
    }

    public async ValueTask<CodeRedemption> RedeemAsync(string codeHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var (found, document, _) = await UpdateAsync(
                connection, "UPDATE gaz_authorization_codes SET state = @to WHERE code_hash = @h AND state = @from RETURNING document, NULL",
                cancellationToken, ("@h", codeHash), ("@to", Redeemed), ("@from", Fresh)).ConfigureAwait(false);
            if (found)
            {
                var grant = JsonSerializer.Deserialize<AuthorizationCodeGrant>(document!)!;
                return grant.ExpiresAt > now ? new CodeRedemption(CodeRedemptionStatus.Redeemed, grant, []) : new CodeRedemption(CodeRedemptionStatus.Invalid, null, []);
            }

            var (used, _, issued) = await UpdateAsync(
                connection, "UPDATE gaz_authorization_codes SET state = @to WHERE code_hash = @h RETURNING document, issued",
                cancellationToken, ("@h", codeHash), ("@to", Replayed)).ConfigureAwait(false);
            return used
                ? new CodeRedemption(CodeRedemptionStatus.Replayed, null, issued is null ? [] : JsonSerializer.Deserialize<IssuedFromCode[]>(issued)!)
                : new CodeRedemption(CodeRedemptionStatus.Invalid, null, []);
        }
    }

    public async ValueTask<bool> RecordIssuedAsync(string codeHash, IReadOnlyList<IssuedFromCode> tokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = TokenDatabase.CreateCommand(
                connection, null, "UPDATE gaz_authorization_codes SET issued = @issued WHERE code_hash = @h RETURNING state",
                ("@h", codeHash), ("@issued", JsonSerializer.Serialize(tokens)));
            await using (command.ConfigureAwait(false))
            {
                var state = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                return state is not null and not DBNull && Convert.ToInt32(state, System.Globalization.CultureInfo.InvariantCulture) == Replayed;
            }
        }
    }

    public async ValueTask<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await TokenDatabase.ExecuteAsync(
                connection, null, "DELETE FROM gaz_authorization_codes WHERE expires_at <= @t", cancellationToken,
                ("@t", TokenDatabase.ToTicks(olderThan))).ConfigureAwait(false);
        }
    }

    private static async Task<(bool Found, string? Document, string? Issued)> UpdateAsync(
        DbConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        var command = TokenDatabase.CreateCommand(connection, null, sql, parameters);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return (false, null, null);
                }

                return (true, reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
            }
        }
    }
}
