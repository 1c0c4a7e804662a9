using GovAuthZ.Server.IntegrationTests.Services;
using GovAuthZ.Tokens.Storage;

namespace GovAuthZ.Server.IntegrationTests.Tokens;

/// <summary>The store contract on a SQLite file in a temporary folder of its own.</summary>
public sealed class SqliteTokenStoreTests : TokenStoreSuite
{
    private readonly SqliteTestDatabase _database = new();

    protected override Task<TokenDatabase> CreateDatabaseAsync() => _database.CreateAsync();

    protected override Task DropDatabaseAsync() => _database.DropAsync();
}

/// <summary>The store contract on the real PostgreSQL from scripts/services.sh, in a schema of its own.</summary>
[Collection(RealServicesGroup.Name)]
public sealed class PostgresTokenStoreTests(ServicesFixture services) : TokenStoreSuite
{
    private readonly PostgresTestSchema _database = new(services);

    protected override Task<TokenDatabase> CreateDatabaseAsync() => _database.CreateAsync();

    protected override Task DropDatabaseAsync() => _database.DropAsync();
}
