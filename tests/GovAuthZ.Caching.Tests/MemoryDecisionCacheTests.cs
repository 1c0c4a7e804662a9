namespace GovAuthZ.Caching.Tests;

public sealed class MemoryDecisionCacheTests
{
    private static readonly VersionStamp Revision1 = new(1);

    [Fact]
    public void TryGet_WhenStoredUnderSameRevision_ReturnsStoredValue()
    {
        var cache = Create(100);
        var value = new Answer("a");
        cache.Store(Keys.Of("a"), Revision1, value);

        Assert.True(cache.TryGet(Keys.Of("a"), 1, out var found));
        Assert.Same(value, found);
    }

    [Fact]
    public void TryGet_WhenNeverStored_Misses()
    {
        var cache = Create(100);
        cache.Store(Keys.Of("a"), Revision1, new Answer("a"));

        Assert.False(cache.TryGet(Keys.Of("b"), 1, out var found));
        Assert.Null(found);
    }

    [Fact]
    public void TryGet_WhenRevisionDiffers_MissesAndNextStoreReplacesTheStaleEntry()
    {
        var cache = Create(100);
        cache.Store(Keys.Of("a"), Revision1, new Answer("old"));

        Assert.False(cache.TryGet(Keys.Of("a"), 2, out _));

        cache.Store(Keys.Of("a"), new VersionStamp(2), new Answer("new"));
        Assert.True(cache.TryGet(Keys.Of("a"), 2, out var found));
        Assert.Equal("new", found.Key);
        Assert.False(cache.TryGet(Keys.Of("a"), 1, out _));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void TryGet_WhenKeyDiffersInLastByte_Misses()
    {
        var cache = Create(100);
        cache.Store([1, 2, 3, 4], Revision1, new Answer("a"));

        Assert.False(cache.TryGet([1, 2, 3, 5], 1, out _));
        Assert.False(cache.TryGet([1, 2, 3], 1, out _));
        Assert.False(cache.TryGet([1, 2, 3, 4, 0], 1, out _));
        Assert.True(cache.TryGet([1, 2, 3, 4], 1, out _));
    }

    [Fact]
    public void TryGet_WhenAllKeysShareOneHash_TellsThemApartByBytes()
    {
        var cache = new MemoryDecisionCache<Answer>(8, 64, null, static _ => 42UL);
        string[] keys = ["a", "ab", "abc", "b", "ba"];
        foreach (var key in keys)
        {
            cache.Store(Keys.Of(key), Revision1, new Answer(key));
        }

        foreach (var key in keys)
        {
            Assert.True(cache.TryGet(Keys.Of(key), 1, out var found));
            Assert.Equal(key, found.Key);
        }

        Assert.False(cache.TryGet(Keys.Of("abcd"), 1, out _));
        Assert.Equal(keys.Length, cache.Count);
    }

    [Fact]
    public void TryGet_WhenDependencyVersionChanged_Misses()
    {
        var versions = new FakeDependencyVersions();
        versions.Set("consent:1", 7);
        var cache = new MemoryDecisionCache<Answer>(100, 64, versions);
        cache.Store(Keys.Of("a"), new VersionStamp(1, new[] { new DependencyVersion("consent:1", 7) }), new Answer("a"));
        Assert.True(cache.TryGet(Keys.Of("a"), 1, out _));

        versions.Set("consent:1", 8);

        Assert.False(cache.TryGet(Keys.Of("a"), 1, out _));
    }

    [Fact]
    public void TryGet_WhenEntryHasDependenciesButNothingCanVerifyThem_Misses()
    {
        var cache = Create(100);
        cache.Store(Keys.Of("a"), new VersionStamp(1, new[] { new DependencyVersion("consent:1", 7) }), new Answer("a"));

        Assert.False(cache.TryGet(Keys.Of("a"), 1, out _));
    }

    [Fact]
    public void Store_WhenKeyLongerThanMaximum_StoresNothing()
    {
        var cache = new MemoryDecisionCache<Answer>(100, 4, null);

        cache.Store([1, 2, 3, 4, 5], Revision1, new Answer("long"));
        cache.Store([1, 2, 3, 4], Revision1, new Answer("fits"));

        Assert.False(cache.TryGet([1, 2, 3, 4, 5], 1, out _));
        Assert.True(cache.TryGet([1, 2, 3, 4], 1, out _));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Store_WhenSameKeyStoredTwice_KeepsOneEntryWithTheNewValue()
    {
        var cache = Create(100);

        cache.Store(Keys.Of("a"), Revision1, new Answer("first"));
        cache.Store(Keys.Of("a"), Revision1, new Answer("second"));

        Assert.True(cache.TryGet(Keys.Of("a"), 1, out var found));
        Assert.Equal("second", found.Key);
        Assert.Equal(1, cache.Count);
        Assert.Equal(1, cache.CountOccupiedSlots());
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(8, 8)]
    [InlineData(10, 8)]
    [InlineData(100, 96)]
    [InlineData(100_000, 100_000)]
    public void Constructor_WhenCapacityGiven_NeverMakesMoreSlotsThanCapacity(int capacity, int slots)
    {
        Assert.Equal(slots, new MemoryDecisionCache<Answer>(capacity, 64, null).SlotCount);
    }

    [Fact]
    public void Store_WhenFarMoreKeysThanCapacity_StaysWithinCapacity()
    {
        var cache = Create(64);

        for (var i = 0; i < 10_000; i++)
        {
            cache.Store(Keys.Numbered(i), Revision1, new Answer("k" + i));
        }

        Assert.InRange(cache.Count, 1, 64);
        Assert.Equal(cache.Count, cache.CountOccupiedSlots());
        Assert.True(cache.TryGet(Keys.Numbered(9_999), 1, out _));
    }

    [Fact]
    public void Store_WhenSetIsFull_EvictsTheEntryNotReadSinceTheHandPassed()
    {
        var cache = Create(8);
        for (var i = 0; i < 8; i++)
        {
            cache.Store(Keys.Numbered(i), Revision1, new Answer("k" + i));
        }

        for (var i = 0; i < 8; i++)
        {
            if (i != 5)
            {
                Assert.True(cache.TryGet(Keys.Numbered(i), 1, out _));
            }
        }

        cache.Store(Keys.Numbered(8), Revision1, new Answer("k8"));

        Assert.False(cache.TryGet(Keys.Numbered(5), 1, out _));
        for (var i = 0; i <= 8; i++)
        {
            Assert.Equal(i != 5, cache.TryGet(Keys.Numbered(i), 1, out _));
        }
    }

    [Fact]
    public void Store_WhenSetHoldsAnOlderRevision_ReplacesThatEntryFirst()
    {
        var cache = Create(8);
        cache.Store(Keys.Numbered(0), Revision1, new Answer("old"));
        for (var i = 1; i < 8; i++)
        {
            cache.Store(Keys.Numbered(i), new VersionStamp(2), new Answer("k" + i));
            Assert.True(cache.TryGet(Keys.Numbered(i), 2, out _));
        }

        cache.Store(Keys.Numbered(8), new VersionStamp(2), new Answer("k8"));

        for (var i = 1; i <= 8; i++)
        {
            Assert.True(cache.TryGet(Keys.Numbered(i), 2, out _));
        }

        Assert.Equal(8, cache.Count);
    }

    [Fact]
    public void StoreAndTryGet_WhenManyThreadsRaceOnOverlappingKeys_StayWithinCapacityAndNeverMixUpValues()
    {
        const int capacity = 256;
        const int threads = 8;
        const int keysPerThread = 5_000;
        var cache = Create(capacity);
        var wrongHits = 0;
        var hits = 0;

        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            for (var i = 0; i < keysPerThread; i++)
            {
                // Threads share half their keys, so the same key is written and read by several threads.
                var id = (i % 2 == 0 ? 0 : t * keysPerThread) + i;
                var key = Keys.Numbered(id);
                if (cache.TryGet(key, 1, out var found))
                {
                    Interlocked.Increment(ref hits);
                    if (found.Key != "k" + id)
                    {
                        Interlocked.Increment(ref wrongHits);
                    }
                }
                else
                {
                    cache.Store(key, Revision1, new Answer("k" + id));
                }
            }
        });

        Assert.Equal(0, wrongHits);
        Assert.InRange(cache.Count, 1, capacity);
        Assert.Equal(cache.Count, cache.CountOccupiedSlots());
        Assert.True(hits + cache.Count > 0);
    }

    [Fact]
    public void TryGet_WhenWarm_AllocatesNothingOnHitsOrMisses()
    {
        var cache = Create(1_000);
        var keys = new byte[16][];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = Keys.Numbered(i);
            cache.Store(keys[i], Revision1, new Answer("k" + i));
        }

        var absent = Keys.Of("absent");
        var hits = Lookups(cache, keys, absent, 100);
        var before = GC.GetAllocatedBytesForCurrentThread();
        hits += Lookups(cache, keys, absent, 1_000);
        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(1_100 * keys.Length, hits);
        Assert.Equal(0, bytes);
    }

    private static int Lookups(MemoryDecisionCache<Answer> cache, byte[][] keys, byte[] absent, int rounds)
    {
        var hits = 0;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var key in keys)
            {
                hits += cache.TryGet(key, 1, out _) ? 1 : 0;
            }

            hits -= cache.TryGet(absent, 1, out _) ? 1_000_000 : 0;
        }

        return hits;
    }

    private static MemoryDecisionCache<Answer> Create(int capacity) => new(capacity, 256, null);
}
