using StackExchange.Redis;

namespace GovAuthZ.Server.IntegrationTests.Services;

[Collection(RealServicesGroup.Name)]
public sealed class RedisTests
{
    // Bounds a wait for a message that should arrive in microseconds; reaching it means "never came".
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(10);

    private readonly ServicesFixture _services;

    // Every key and channel of one test instance lives under its own prefix, so parallel or repeated
    // runs never see each other's data.
    private readonly string _prefix = $"govauthz:test:{Guid.NewGuid():N}:";

    public RedisTests(ServicesFixture services) => _services = services;

    [Fact]
    public async Task StringSet_WhenExpiryGiven_ReadsBackValueWithRemainingTtl()
    {
        var db = _services.Redis.GetDatabase();
        RedisKey key = _prefix + "round-trip";
        try
        {
            Assert.True(await db.StringSetAsync(key, "decision:allow", TimeSpan.FromMinutes(5)));

            var value = await db.StringGetAsync(key);
            var ttl = await db.KeyTimeToLiveAsync(key);

            Assert.Equal("decision:allow", value.ToString());
            Assert.NotNull(ttl);
            Assert.InRange(ttl.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        }
        finally
        {
            await db.KeyDeleteAsync(key);
        }
    }

    [Fact]
    public async Task KeyExpire_WhenDeadlineAlreadyPassed_RemovesKey()
    {
        var db = _services.Redis.GetDatabase();
        RedisKey key = _prefix + "expired";
        try
        {
            await db.StringSetAsync(key, "stale");

            await db.KeyExpireAsync(key, DateTime.UtcNow.AddHours(-1));

            Assert.False(await db.KeyExistsAsync(key));
            Assert.True((await db.StringGetAsync(key)).IsNull);
        }
        finally
        {
            await db.KeyDeleteAsync(key);
        }
    }

    [Fact]
    public async Task Publish_WhenChannelSubscribed_DeliversMessageToSubscriber()
    {
        var subscriber = _services.Redis.GetSubscriber();
        var channel = RedisChannel.Literal(_prefix + "policy-changed");
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await subscriber.SubscribeAsync(channel, (_, message) => received.TrySetResult(message.ToString()));
        try
        {
            var receivers = await subscriber.PublishAsync(channel, "revision:42");

            var message = await received.Task.WaitAsync(DeliveryTimeout);
            Assert.Equal(1, receivers);
            Assert.Equal("revision:42", message);
        }
        finally
        {
            await subscriber.UnsubscribeAsync(channel);
        }
    }
}
