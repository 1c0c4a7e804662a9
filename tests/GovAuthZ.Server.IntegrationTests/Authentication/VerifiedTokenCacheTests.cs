using GovAuthZ.Server.Authentication;

namespace GovAuthZ.Server.IntegrationTests.Authentication;

public sealed class VerifiedTokenCacheTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private readonly SettableClock _clock = new(Start);

    [Fact]
    public void TryGet_WhenAddedAndUnexpired_ReturnsCaller()
    {
        var cache = new VerifiedTokenCache(10, _clock);
        var caller = CallerUntil(Start.AddMinutes(1));
        cache.Add("abc", caller);

        Assert.True(cache.TryGet("abc", out var found));
        Assert.Same(caller, found);
    }

    [Fact]
    public void TryGet_WhenTokenDiffersByOneCharacter_Misses()
    {
        var cache = new VerifiedTokenCache(10, _clock);
        cache.Add("abc", CallerUntil(Start.AddMinutes(1)));

        Assert.False(cache.TryGet("abd", out _));
        Assert.False(cache.TryGet("ABC", out _));
    }

    [Fact]
    public void TryGet_WhenExpiryReached_MissesAndDropsEntry()
    {
        var cache = new VerifiedTokenCache(10, _clock);
        cache.Add("abc", CallerUntil(Start.AddMinutes(1)));

        _clock.Now = Start.AddMinutes(1);

        Assert.False(cache.TryGet("abc", out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Add_WhenFull_NeverExceedsCapacity()
    {
        var cache = new VerifiedTokenCache(8, _clock);
        for (var i = 0; i < 100; i++)
        {
            cache.Add("token-" + i, CallerUntil(Start.AddMinutes(1)));
            Assert.InRange(cache.Count, 1, 8);
        }
    }

    [Fact]
    public void Add_WhenFullOfExpiredEntries_KeepsLiveOnes()
    {
        var cache = new VerifiedTokenCache(3, _clock);
        cache.Add("old-1", CallerUntil(Start.AddSeconds(1)));
        cache.Add("old-2", CallerUntil(Start.AddSeconds(1)));
        cache.Add("live", CallerUntil(Start.AddMinutes(5)));
        _clock.Now = Start.AddSeconds(2);

        cache.Add("new", CallerUntil(Start.AddMinutes(5)));

        Assert.True(cache.TryGet("live", out _));
        Assert.True(cache.TryGet("new", out _));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void Add_WhenCapacityZero_CachesNothing()
    {
        var cache = new VerifiedTokenCache(0, _clock);
        cache.Add("abc", CallerUntil(Start.AddMinutes(1)));

        Assert.False(cache.TryGet("abc", out _));
    }

    private static Caller CallerUntil(DateTimeOffset expiry) => new("app", "app", [DecisionScopes.Check], expiry, "jti-1");
}
