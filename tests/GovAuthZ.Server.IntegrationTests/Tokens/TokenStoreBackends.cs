using GovAuthZ.Server.IntegrationTests.Services;

namespace GovAuthZ.Server.IntegrationTests.Tokens;

/// <summary>The store contract on a SQLite file in a temporary folder of its own.</summary>
public sealed class SqliteTokenStoreTests() : TokenStoreSuite(new SqliteTestDatabase());

/// <summary>The store contract on the real PostgreSQL from scripts/services.sh, in a schema of its own.</summary>
[Collection(RealServicesGroup.Name)]
public sealed class PostgresTokenStoreTests(ServicesFixture services) : TokenStoreSuite(new PostgresTestSchema(services));
