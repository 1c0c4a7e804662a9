using GovAuthZ.Policy.Evaluation;

namespace GovAuthZ.Policy.Tests.Enforcement;

/// <summary>
/// Readers see whole snapshots: a writer flips between two states that answer two requests in opposite
/// ways, and one batch (decided against one snapshot) must never mix them.
/// </summary>
public sealed class ConcurrencyTests
{
    private const int Swaps = 400;
    private const int Readers = 4;
    private const string StateA = "p, admin, x, read\ng, alice, admin\n";
    private const string StateB = "p, editor, y, read\ng, alice, editor\n";

    private static readonly Value[][] Batch = [Models.Request("alice", "x", "read"), Models.Request("alice", "y", "read")];

    [Fact]
    public async Task BatchEnforce_WhenWriterSwapsPolicies_AlwaysSeesOneWholeSnapshot()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, StateA);
        var start = enforcer.Revision;
        using var done = new CancellationTokenSource();
        var readers = new Task<int[]>[Readers];
        for (var i = 0; i < readers.Length; i++)
        {
            readers[i] = Task.Factory.StartNew(() => Read(enforcer, done.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        for (var i = 0; i < Swaps; i++)
        {
            enforcer.LoadPolicy(i % 2 == 0 ? StateB : StateA);
        }

        await done.CancelAsync();
        var results = await Task.WhenAll(readers);

        foreach (var counts in results)
        {
            Assert.Equal(0, counts[0]);
            Assert.True(counts[1] > 0);
        }

        Assert.Equal(start + Swaps, enforcer.Revision);
        Assert.Equal([true, false], enforcer.BatchEnforce(Batch));
    }

    [Fact]
    public void Revision_WhenManyWritersAddConcurrently_IncrementsOncePerAdd()
    {
        var enforcer = Enforcer.FromText(Models.Acl, string.Empty);
        var start = enforcer.Revision;
        const int perWriter = 50;

        Parallel.For(0, 4, writer =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                Assert.True(enforcer.AddPolicy("user" + writer, "data" + i, "read"));
            }
        });

        Assert.Equal(start + (4 * perWriter), enforcer.Revision);
        Assert.Equal(4 * perWriter, enforcer.GetPolicy().Count);
        Assert.True(enforcer.Allows("user3", "data49", "read"));
    }

    /// <summary>Counts mixed answers ([0]) and consistent ones ([1]); checks at least a bounded number of batches.</summary>
    private static int[] Read(Enforcer enforcer, CancellationToken done)
    {
        var counts = new int[2];
        for (var i = 0; i < 1_000_000 && (i < 200 || !done.IsCancellationRequested); i++)
        {
            var results = enforcer.BatchEnforce(Batch);
            counts[results[0] != results[1] ? 1 : 0]++;
        }

        return counts;
    }
}
