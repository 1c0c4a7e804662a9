using System.Data.Common;
using GovAuthZ.Core.Errors;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GovAuthZ.Tokens.Storage;

/// <summary>Which database holds the token service's tables.</summary>
public enum TokenStoreProvider
{
    /// <summary>One file; the default for a single server.</summary>
    Sqlite,

    /// <summary>Shared by every replica.</summary>
    Postgres,
}

/// <summary>
/// The database behind the token stores: opens connections and creates the schema. The SQL is the common
/// subset of SQLite and PostgreSQL (ON CONFLICT, BIGINT, TEXT); only the binary column type differs.
/// Times are stored as UTC ticks so a record reads back exactly as written. Thread-safe.
/// </summary>
public sealed class TokenDatabase : IAsyncDisposable
{
    // Serialises concurrent schema creation across PostgreSQL sessions: CREATE TABLE IF NOT EXISTS alone
    // can still fail with a duplicate catalog row when two replicas start at once.
    private const long SchemaLockId = 0x47415A_3090;

    private readonly string? _sqliteConnectionString;
    private readonly NpgsqlDataSource? _postgres;

    private TokenDatabase(TokenStoreProvider provider, string? sqliteConnectionString, NpgsqlDataSource? postgres)
    {
        Provider = provider;
        _sqliteConnectionString = sqliteConnectionString;
        _postgres = postgres;
    }

    public TokenStoreProvider Provider { get; }

    /// <summary>A SQLite file (created on first use, with its folder).</summary>
    public static TokenDatabase Sqlite(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var builder = new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true, DefaultTimeout = 30 };
        return new TokenDatabase(TokenStoreProvider.Sqlite, builder.ConnectionString, null);
    }

    /// <summary>A PostgreSQL database given by an Npgsql connection string.</summary>
    public static TokenDatabase Postgres(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new GovAuthZException(ErrorCode.TokenStoreOptionsInvalid, "GovAuthZ:Store:ConnectionString is required when the provider is Postgres");
        }

        return new TokenDatabase(TokenStoreProvider.Postgres, null, NpgsqlDataSource.Create(connectionString));
    }

    /// <summary>The database a provider name and settings select: Sqlite at <c>&lt;dataDir&gt;/govauthz.db</c> or Postgres.</summary>
    public static TokenDatabase Create(string? provider, string? connectionString, string dataDir) =>
        ParseProvider(provider) == TokenStoreProvider.Sqlite
            ? (string.IsNullOrWhiteSpace(connectionString) ? Sqlite(Path.Combine(dataDir, StoreLayout.DatabaseFile)) : Sqlite(connectionString))
            : Postgres(connectionString ?? string.Empty);

    /// <summary>The provider a configured name selects (empty is Sqlite); throws GAZ3093 for any other name.</summary>
    public static TokenStoreProvider ParseProvider(string? provider)
    {
        if (string.IsNullOrEmpty(provider) || string.Equals(provider, nameof(TokenStoreProvider.Sqlite), StringComparison.OrdinalIgnoreCase))
        {
            return TokenStoreProvider.Sqlite;
        }

        return string.Equals(provider, nameof(TokenStoreProvider.Postgres), StringComparison.OrdinalIgnoreCase)
            ? TokenStoreProvider.Postgres
            : throw new GovAuthZException(ErrorCode.TokenStoreOptionsInvalid, "GovAuthZ:Store:Provider must be Sqlite or Postgres");
    }

    internal string BinaryType => Provider == TokenStoreProvider.Postgres ? "BYTEA" : "BLOB";

    public async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_postgres is not null)
            {
                return await _postgres.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            }

            var connection = new SqliteConnection(_sqliteConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (DbException ex)
        {
            throw new GovAuthZException(ErrorCode.TokenStoreUnavailable, $"{Provider} store: {ex.Message}", SourceLocation.None, ex);
        }
    }

    /// <summary>
    /// Opens a connection and runs a trivial query, for readiness probes; throws GAZ-coded
    /// <see cref="GovAuthZException"/> (store unavailable) when the store cannot answer.
    /// </summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT 1";
                await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbException ex)
            {
                throw new GovAuthZException(ErrorCode.TokenStoreUnavailable, $"{Provider} store: {ex.Message}", SourceLocation.None, ex);
            }
        }
    }

    /// <summary>Creates the tables when absent; safe to run on every start and from several replicas.</summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            if (Provider == TokenStoreProvider.Sqlite)
            {
                // WAL lets readers (token requests) proceed while a writer (rotation, revocation) commits.
                await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            }

            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                if (Provider == TokenStoreProvider.Postgres)
                {
                    await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({SchemaLockId});", cancellationToken).ConfigureAwait(false);
                }

                await ExecuteAsync(connection, transaction, SchemaSql() + SqlRefreshTokenStore.SchemaSql + SqlProtectionKeyStore.SchemaSql + SqlClientAssertionReplayCache.SchemaSql, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync().ConfigureAwait(false);
        }
    }

    internal static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        var command = CreateCommand(connection, transaction, sql, parameters);
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    internal static DbCommand CreateCommand(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // SQL text is constant; every value travels as a parameter.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    internal static long ToTicks(DateTimeOffset value) => value.UtcTicks;

    internal static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

    private string SchemaSql() => $"""
        CREATE TABLE IF NOT EXISTS gaz_signing_key_set (id INTEGER PRIMARY KEY, version BIGINT NOT NULL);
        INSERT INTO gaz_signing_key_set (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;
        CREATE TABLE IF NOT EXISTS gaz_signing_keys (
            kid TEXT PRIMARY KEY, alg TEXT NOT NULL, created_at BIGINT NOT NULL,
            signing_from BIGINT NOT NULL, private_key {BinaryType} NOT NULL);
        CREATE TABLE IF NOT EXISTS gaz_clients (client_id TEXT PRIMARY KEY, document TEXT NOT NULL, updated_at BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS gaz_revoked_tokens (jti TEXT PRIMARY KEY, expires_at BIGINT NOT NULL);
        {AuthorizationSchema.Sql}
        """;
}
