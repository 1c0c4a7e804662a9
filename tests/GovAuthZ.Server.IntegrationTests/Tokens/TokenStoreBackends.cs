using GovAuthZ.Server.IntegrationTests.Services;
using GovAuthZ.Tokens.Storage;
using Npgsql;

namespace GovAuthZ.Server.IntegrationTests.Tokens;

/// <summary>The store contract on a SQLite file in a temporary folder of its own.</summary>
public sealed class SqliteTokenStoreTests : TokenStoreSuite
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "govauthz-store-" + Guid.NewGuid().ToString("N"));

    protected override Task<TokenDatabase> CreateDatabaseAsync() =>
        Task.FromResult(TokenDatabase.Sqlite(Path.Combine(_folder, "govauthz.db")));

    protected override Task DropDatabaseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>
/// The store contract on the real PostgreSQL from scripts/services.sh. Each test gets a schema of its
/// own through the connection's search path, so tests run in parallel and leave nothing behind.
/// </summary>
[Collection(RealServicesGroup.Name)]
public sealed class PostgresTokenStoreTests : TokenStoreSuite
{
    private readonly ServicesFixture _services;
    private readonly string _schema = "gaz_test_" + Guid.NewGuid().ToString("N");

    public PostgresTokenStoreTests(ServicesFixture services) => _services = services;

    protected override async Task<TokenDatabase> CreateDatabaseAsync()
    {
        await ExecuteAsync($"CREATE SCHEMA {_schema}");
        var settings = TestServiceSettings.FromEnvironment(Environment.GetEnvironmentVariable);
        var builder = new NpgsqlConnectionStringBuilder(settings.Postgres) { SearchPath = _schema };
        return TokenDatabase.Postgres(builder.ConnectionString);
    }

    protected override Task DropDatabaseAsync() => ExecuteAsync($"DROP SCHEMA {_schema} CASCADE");

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await _services.Postgres.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
