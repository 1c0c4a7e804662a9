using GovAuthZ.Server.IntegrationTests.Services;
using GovAuthZ.Tokens.Storage;

namespace GovAuthZ.Server.IntegrationTests.Tokens;

/// <summary>
/// The shared client-assertion replay cache on every database. Two caches over one database stand for
/// two replicas: a jti one of them accepted is a replay at the other.
/// </summary>
public abstract class ClientAssertionReplaySuite(ITestDatabase backend) : DatabaseSuite(backend)
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly FixedTime _time = new(Now);

    [Fact]
    public async Task TryAddAsync_WhenOtherReplicaAcceptedTheJti_ReportsReplay()
    {
        var first = new SqlClientAssertionReplayCache(Database, _time);
        var second = new SqlClientAssertionReplayCache(Database, _time);

        Assert.True(await first.TryAddAsync("tax-app", "jti-1", Now.AddMinutes(5), default));
        Assert.False(await second.TryAddAsync("tax-app", "jti-1", Now.AddMinutes(5), default));
        Assert.False(await first.TryAddAsync("tax-app", "jti-1", Now.AddMinutes(9), default));
    }

    [Fact]
    public async Task TryAddAsync_WhenSameJtiFromAnotherClient_Accepts()
    {
        var cache = new SqlClientAssertionReplayCache(Database, _time);

        Assert.True(await cache.TryAddAsync("tax-app", "shared-jti", Now.AddMinutes(5), default));
        Assert.True(await cache.TryAddAsync("pep-demo", "shared-jti", Now.AddMinutes(5), default));
    }

    [Fact]
    public async Task TryAddAsync_WhenRecordedEntryExpired_AcceptsAgain()
    {
        var cache = new SqlClientAssertionReplayCache(Database, _time);
        Assert.True(await cache.TryAddAsync("tax-app", "jti-2", Now.AddMinutes(5), default));

        _time.Now = Now.AddMinutes(5);

        Assert.True(await cache.TryAddAsync("tax-app", "jti-2", Now.AddMinutes(10), default));
        Assert.False(await cache.TryAddAsync("tax-app", "jti-2", Now.AddMinutes(10), default));
    }

    [Fact]
    public async Task TryAddAsync_WhenEightReplicasRace_ExactlyOneAccepts()
    {
        var tasks = new Task<bool>[8];
        using var start = new ManualResetEventSlim(false);
        for (var i = 0; i < tasks.Length; i++)
        {
            var cache = new SqlClientAssertionReplayCache(Database, _time);
            tasks[i] = Task.Run(async () =>
            {
                start.Wait();
                return await cache.TryAddAsync("tax-app", "raced-jti", Now.AddMinutes(5), default);
            });
        }

        start.Set();
        var results = await Task.WhenAll(tasks);

        Assert.Single(results, accepted => accepted);
    }

    [Fact]
    public async Task PruneAsync_WhenSomeExpired_RemovesOnlyThose()
    {
        var cache = new SqlClientAssertionReplayCache(Database, _time);
        await cache.TryAddAsync("tax-app", "old", Now.AddMinutes(1), default);
        await cache.TryAddAsync("tax-app", "live", Now.AddMinutes(10), default);

        var removed = await cache.PruneAsync(Now.AddMinutes(2));

        Assert.Equal(1, removed);
        Assert.False(await cache.TryAddAsync("tax-app", "live", Now.AddMinutes(10), default));
        Assert.True(await cache.TryAddAsync("tax-app", "old", Now.AddMinutes(10), default));
    }
}

/// <summary>The replay cache in a SQLite token database.</summary>
public sealed class SqliteClientAssertionReplayTests() : ClientAssertionReplaySuite(new SqliteTestDatabase());

/// <summary>The replay cache in the real PostgreSQL from scripts/services.sh, in a schema of its own.</summary>
[Collection(RealServicesGroup.Name)]
public sealed class PostgresClientAssertionReplayTests(ServicesFixture services) : ClientAssertionReplaySuite(new PostgresTestSchema(services));
