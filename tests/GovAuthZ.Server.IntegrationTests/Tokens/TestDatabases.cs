using GovAuthZ.Server.IntegrationTests.Services;
using GovAuthZ.Tokens.Storage;
using Npgsql;

namespace GovAuthZ.Server.IntegrationTests.Tokens;

/// <summary>Where a store suite runs: a fresh, empty token database per test, dropped afterwards.</summary>
public interface ITestDatabase
{
    Task<TokenDatabase> CreateAsync();

    Task DropAsync();
}

/// <summary>
/// A store contract run against every database we support: each concrete class names a backend, and
/// every test gets a fresh database with the schema in place.
/// </summary>
public abstract class DatabaseSuite(ITestDatabase backend) : IAsyncLifetime
{
    protected TokenDatabase Database { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Database = await backend.CreateAsync();
        await Database.EnsureSchemaAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await Database.DisposeAsync();
        await backend.DropAsync();
    }
}

/// <summary>A token database on a SQLite file in a temporary folder of its own, removed by <see cref="DropAsync"/>.</summary>
public sealed class SqliteTestDatabase : ITestDatabase
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "govauthz-store-" + Guid.NewGuid().ToString("N"));

    public Task<TokenDatabase> CreateAsync() => Task.FromResult(TokenDatabase.Sqlite(Path.Combine(_folder, "govauthz.db")));

    public Task DropAsync()
    {
        // Pooled connections keep the file open; drop them so the folder can go.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>
/// A token database on the real PostgreSQL from scripts/services.sh, in a schema of its own reached
/// through the connection's search path, so suites run in parallel and leave nothing behind.
/// </summary>
public sealed class PostgresTestSchema(ServicesFixture services) : ITestDatabase
{
    private readonly string _schema = "gaz_test_" + Guid.NewGuid().ToString("N");

    public async Task<TokenDatabase> CreateAsync()
    {
        await ExecuteAsync($"CREATE SCHEMA {_schema}");
        var settings = TestServiceSettings.FromEnvironment(Environment.GetEnvironmentVariable);
        return TokenDatabase.Postgres(new NpgsqlConnectionStringBuilder(settings.Postgres) { SearchPath = _schema }.ConnectionString);
    }

    public Task DropAsync() => ExecuteAsync($"DROP SCHEMA {_schema} CASCADE");

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await services.Postgres.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
