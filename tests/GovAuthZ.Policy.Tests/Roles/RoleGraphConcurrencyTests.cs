using GovAuthZ.Policy.Roles;

namespace GovAuthZ.Policy.Tests.Roles;

public sealed class RoleGraphConcurrencyTests
{
    [Fact]
    public void HasLink_WhenKnownNamesAndDomains_DoesNotAllocate()
    {
        var graph = RoleGraphs.Build("alice, editor, dom1", "editor, admin, dom1", "bob, admin");
        Assert.True(graph.HasLink("alice", "admin", "dom1"));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var hits = 0;
        for (var i = 0; i < 1000; i++)
        {
            hits += graph.HasLink("alice", "admin", "dom1") ? 1 : 0;
            hits += graph.HasLink("bob", "admin", null) ? 1 : 0;
            hits += graph.HasLink("stranger", "admin", "dom1") ? 1 : 0;
            hits += graph.GetClosure("alice", "dom1").Count;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(4000, hits);
    }

    [Fact]
    public void GetClosure_WhenPatternMatchedNameIsCached_DoesNotAllocate()
    {
        var builder = RoleGraphs.Builder("/book/:id, book_admin");
        builder.NameMatcher = TestMatchers.KeyMatch2;
        var graph = builder.Build();
        var name = "/book/1";
        Assert.Equal(1, graph.GetClosure(name, null).Count);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var total = 0;
        for (var i = 0; i < 1000; i++)
        {
            total += graph.GetClosure(name, null).Count;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1000, total);
    }

    [Fact]
    public void HasLink_WhenManyThreadsQueryPatternsAtOnce_AgreesWithSingleThreadedAnswer()
    {
        var builder = RoleGraphs.Builder("/book/:id, book_admin, *", "book_admin, staff, *", "alice, staff, dom1");
        builder.NameMatcher = TestMatchers.KeyMatch2;
        builder.DomainMatcher = TestMatchers.StarDomain;
        var graph = builder.Build();
        var failures = 0;

        Parallel.For(0, 4000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var domain = $"tenant-{i % 37}";
            var ok = graph.HasLink($"/book/{i % 101}", "staff", domain)
                && !graph.HasLink($"/author/{i}", "staff", domain)
                && graph.HasLink("alice", "staff", "dom1")
                && !graph.HasLink("alice", "staff", domain);
            if (!ok)
            {
                Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(0, failures);
    }

    [Fact]
    public void BoundedCache_WhenOverCapacity_StartsAfreshAndKeepsAnswering()
    {
        var cache = new BoundedCache<string>();
        for (var i = 0; i <= BoundedCache<string>.Capacity; i++)
        {
            cache.Add($"k{i}", $"v{i}");
        }

        Assert.True(cache.Count <= BoundedCache<string>.Capacity);
        Assert.False(cache.TryGet("k0", out _));
        Assert.True(cache.TryGet($"k{BoundedCache<string>.Capacity}", out var last));
        Assert.Equal($"v{BoundedCache<string>.Capacity}", last);
    }
}
