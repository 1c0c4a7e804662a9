namespace GovAuthZ.Caching.Tests;

public sealed class DecisionCacheTests
{
    [Fact]
    public void CreateInProcess_WhenCapacityIsZero_ReturnsCacheThatNeverHolds()
    {
        var cache = DecisionCache.CreateInProcess<Answer>(new DecisionCacheOptions { Capacity = 0 });

        cache.Store(Keys.Of("a"), new VersionStamp(1), new Answer("a"));

        Assert.False(cache.IsEnabled);
        Assert.False(cache.TryGet(Keys.Of("a"), 1, out var found));
        Assert.Null(found);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void CreateInProcess_WhenCapacityPositive_ReturnsWorkingBoundedCache()
    {
        var cache = DecisionCache.CreateInProcess<Answer>(new DecisionCacheOptions { Capacity = 16, MaxKeyBytes = 32 });

        cache.Store(Keys.Of("a"), new VersionStamp(1), new Answer("a"));

        Assert.True(cache.IsEnabled);
        Assert.Equal(32, cache.MaxKeyBytes);
        Assert.True(cache.TryGet(Keys.Of("a"), 1, out _));
    }

    [Theory]
    [InlineData(-1, 64)]
    [InlineData(10, 0)]
    public void CreateInProcess_WhenSettingsOutOfRange_Throws(int capacity, int maxKeyBytes)
    {
        var options = new DecisionCacheOptions { Capacity = capacity, MaxKeyBytes = maxKeyBytes };

        Assert.Throws<ArgumentOutOfRangeException>(() => DecisionCache.CreateInProcess<Answer>(options));
    }
}
