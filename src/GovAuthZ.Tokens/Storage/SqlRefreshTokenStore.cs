using System.Data.Common;
using System.Text.Json;
using GovAuthZ.Tokens.Issuance;
using GovAuthZ.Tokens.Refresh;

namespace GovAuthZ.Tokens.Storage;

/// <summary>
/// Refresh tokens in the token database. Rotation is one transaction whose first statement is the
/// conditional UPDATE of the presented token: PostgreSQL's row lock and SQLite's single writer make
/// concurrent rotations of one token queue behind it, and only the first finds the row unused.
/// Thread-safe.
/// </summary>
public sealed class SqlRefreshTokenStore : IRefreshTokenStore
{
    private const string Columns = "token_hash, family_id, client_id, subject, scopes, official, issued_at, expires_at, family_expires_at, used_at, revoked_at";

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private readonly TokenDatabase _database;

    public SqlRefreshTokenStore(TokenDatabase database)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
    }

    /// <summary>The tables, appended to the token database's schema; existing tables are not touched.</summary>
    internal static string SchemaSql => """
        CREATE TABLE IF NOT EXISTS gaz_refresh_tokens (
            token_hash TEXT PRIMARY KEY, family_id TEXT NOT NULL, client_id TEXT NOT NULL, subject TEXT NOT NULL,
            scopes TEXT NOT NULL, official TEXT NULL, issued_at BIGINT NOT NULL, expires_at BIGINT NOT NULL,
            family_expires_at BIGINT NOT NULL, used_at BIGINT NULL, revoked_at BIGINT NULL);
        CREATE INDEX IF NOT EXISTS gaz_refresh_tokens_family ON gaz_refresh_tokens (family_id);
        CREATE TABLE IF NOT EXISTS gaz_refresh_access_tokens (jti TEXT PRIMARY KEY, family_id TEXT NOT NULL, expires_at BIGINT NOT NULL);
        CREATE INDEX IF NOT EXISTS gaz_refresh_access_tokens_family ON gaz_refresh_access_tokens (family_id);
        """;

    public async ValueTask CreateAsync(RefreshTokenRecord record, FamilyAccessToken? accessToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await InsertAsync(connection, transaction, record, cancellationToken).ConfigureAwait(false);
                if (accessToken is { } access)
                {
                    await InsertAccessAsync(connection, transaction, record.FamilyId, access, cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async ValueTask<RefreshTokenRecord?> FindAsync(string tokenHash, CancellationToken cancellationToken)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = TokenDatabase.CreateCommand(connection, null, $"SELECT {Columns} FROM gaz_refresh_tokens WHERE token_hash = @h", ("@h", tokenHash));
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
                }
            }
        }
    }

    public async ValueTask<bool> RotateAsync(string usedHash, DateTimeOffset usedAt, RefreshTokenRecord successor, FamilyAccessToken accessToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(successor);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var claimed = await TokenDatabase.ExecuteAsync(
                    connection, transaction,
                    "UPDATE gaz_refresh_tokens SET used_at = @now WHERE token_hash = @h AND used_at IS NULL AND revoked_at IS NULL",
                    cancellationToken, ("@now", TokenDatabase.ToTicks(usedAt)), ("@h", usedHash)).ConfigureAwait(false);
                if (claimed != 1)
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    return false;
                }

                await InsertAsync(connection, transaction, successor, cancellationToken).ConfigureAwait(false);
                await InsertAccessAsync(connection, transaction, successor.FamilyId, accessToken, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
        }
    }

    public async ValueTask<IReadOnlyList<FamilyAccessToken>> RevokeFamilyAsync(string familyId, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        var result = new List<FamilyAccessToken>();
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await TokenDatabase.ExecuteAsync(
                    connection, transaction, "UPDATE gaz_refresh_tokens SET revoked_at = @now WHERE family_id = @f AND revoked_at IS NULL",
                    cancellationToken, ("@now", TokenDatabase.ToTicks(revokedAt)), ("@f", familyId)).ConfigureAwait(false);
                var command = TokenDatabase.CreateCommand(connection, transaction, "SELECT jti, expires_at FROM gaz_refresh_access_tokens WHERE family_id = @f", ("@f", familyId));
                await using (command.ConfigureAwait(false))
                {
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            result.Add(new FamilyAccessToken(reader.GetString(0), TokenDatabase.FromTicks(reader.GetInt64(1))));
                        }
                    }
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return result;
    }

    /// <summary>Deletes tokens and access-token links whose family can no longer be used; returns the rows removed.</summary>
    public async Task<int> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var ticks = TokenDatabase.ToTicks(now);
            var tokens = await TokenDatabase.ExecuteAsync(connection, null, "DELETE FROM gaz_refresh_tokens WHERE family_expires_at <= @now", cancellationToken, ("@now", ticks)).ConfigureAwait(false);
            var access = await TokenDatabase.ExecuteAsync(connection, null, "DELETE FROM gaz_refresh_access_tokens WHERE expires_at <= @now", cancellationToken, ("@now", ticks)).ConfigureAwait(false);
            return tokens + access;
        }
    }

    private static Task<int> InsertAsync(DbConnection connection, DbTransaction transaction, RefreshTokenRecord r, CancellationToken cancellationToken) =>
        TokenDatabase.ExecuteAsync(
            connection, transaction,
            $"INSERT INTO gaz_refresh_tokens ({Columns}) VALUES (@h, @f, @c, @s, @scopes, @o, @iat, @exp, @fexp, @used, @rev)",
            cancellationToken,
            ("@h", r.TokenHash), ("@f", r.FamilyId), ("@c", r.ClientId), ("@s", r.Subject), ("@scopes", string.Join(' ', r.Scopes)),
            ("@o", r.Official is null ? DBNull.Value : JsonSerializer.Serialize(r.Official, Json)),
            ("@iat", TokenDatabase.ToTicks(r.IssuedAt)), ("@exp", TokenDatabase.ToTicks(r.ExpiresAt)), ("@fexp", TokenDatabase.ToTicks(r.FamilyExpiresAt)),
            ("@used", Ticks(r.UsedAt)), ("@rev", Ticks(r.RevokedAt)));

    private static Task<int> InsertAccessAsync(DbConnection connection, DbTransaction transaction, string familyId, FamilyAccessToken access, CancellationToken cancellationToken) =>
        TokenDatabase.ExecuteAsync(
            connection, transaction, "INSERT INTO gaz_refresh_access_tokens (jti, family_id, expires_at) VALUES (@jti, @f, @exp)",
            cancellationToken, ("@jti", access.TokenId), ("@f", familyId), ("@exp", TokenDatabase.ToTicks(access.ExpiresAt)));

    private static object Ticks(DateTimeOffset? value) => value is { } v ? TokenDatabase.ToTicks(v) : DBNull.Value;

    private static RefreshTokenRecord Read(DbDataReader reader) => new()
    {
        TokenHash = reader.GetString(0),
        FamilyId = reader.GetString(1),
        ClientId = reader.GetString(2),
        Subject = reader.GetString(3),
        Scopes = reader.GetString(4).Length == 0 ? [] : reader.GetString(4).Split(' '),
        Official = reader.IsDBNull(5) ? null : JsonSerializer.Deserialize<OfficialAttributes>(reader.GetString(5), Json),
        IssuedAt = TokenDatabase.FromTicks(reader.GetInt64(6)),
        ExpiresAt = TokenDatabase.FromTicks(reader.GetInt64(7)),
        FamilyExpiresAt = TokenDatabase.FromTicks(reader.GetInt64(8)),
        UsedAt = reader.IsDBNull(9) ? null : TokenDatabase.FromTicks(reader.GetInt64(9)),
        RevokedAt = reader.IsDBNull(10) ? null : TokenDatabase.FromTicks(reader.GetInt64(10)),
    };
}
