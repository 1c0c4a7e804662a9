using Npgsql;
using StackExchange.Redis;

namespace GovAuthZ.Server.IntegrationTests.Services;

/// <summary>
/// One Redis connection and one PostgreSQL data source shared by every test in the services
/// collection. Connecting happens once, up front: when a service is absent every test in the
/// collection fails with the same message saying how to start it.
/// </summary>
public sealed class ServicesFixture : IAsyncLifetime
{
    private ConnectionMultiplexer? _redis;
    private NpgsqlDataSource? _postgres;

    public ConnectionMultiplexer Redis =>
        _redis ?? throw new InvalidOperationException("The services fixture has not been initialised.");

    public NpgsqlDataSource Postgres =>
        _postgres ?? throw new InvalidOperationException("The services fixture has not been initialised.");

    public async Task InitializeAsync()
    {
        var settings = TestServiceSettings.FromEnvironment(Environment.GetEnvironmentVariable);
        _redis = await ConnectRedisAsync(settings.Redis);
        _postgres = await OpenPostgresAsync(settings.Postgres);
    }

    public async Task DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    private static async Task<ConnectionMultiplexer> ConnectRedisAsync(string endpoint)
    {
        var options = ConfigurationOptions.Parse(endpoint);
        options.AbortOnConnectFail = true;
        options.ConnectTimeout = 5000;
        try
        {
            var redis = await ConnectionMultiplexer.ConnectAsync(options);
            await redis.GetDatabase().PingAsync();
            return redis;
        }
        catch (RedisException ex)
        {
            throw new InvalidOperationException(
                TestServiceSettings.Hint($"Redis at {endpoint} ({TestServiceSettings.RedisVariable}) did not answer: {ex.Message.TrimEnd('.')}"),
                ex);
        }
    }

    private static async Task<NpgsqlDataSource> OpenPostgresAsync(string connectionString)
    {
        // No pooling: a closed connection ends its session, so temporary tables never outlive a test.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 5 };
        var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            return dataSource;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            await dataSource.DisposeAsync();
            throw new InvalidOperationException(
                TestServiceSettings.Hint(
                    $"PostgreSQL at {builder.Host}:{builder.Port} ({TestServiceSettings.PostgresVariable}) did not answer: {ex.Message.TrimEnd('.')}"),
                ex);
        }
    }
}

/// <summary>Groups the tests that share <see cref="ServicesFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class RealServicesGroup : ICollectionFixture<ServicesFixture>
{
    public const string Name = "Real services";
}
