using GovAuthZ.Server.Decisions;

namespace GovAuthZ.Server.IntegrationTests.Decisions;

public sealed class DecisionIdsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 8, 30, 15, 123, TimeSpan.Zero);

    [Fact]
    public void Next_WhenCalled_IsVersion7WithRfcVariantAndTheClockTimestamp()
    {
        var ids = new DecisionIds(new FixedTime(Now));

        var id = Guid.Parse(ids.Next());

        Assert.Equal(7, id.Version);
        Assert.Equal(0b10, id.Variant >> 2);
        var bytes = id.ToByteArray(bigEndian: true);
        var millis = 0L;
        for (var i = 0; i < 6; i++)
        {
            millis = (millis << 8) | bytes[i];
        }

        Assert.Equal(Now.ToUnixTimeMilliseconds(), millis);
    }

    [Fact]
    public void Next_WhenCalledAcrossManyBufferRefillsAndThreads_NeverRepeats()
    {
        var ids = new DecisionIds(new FixedTime(Now));
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, byte>(StringComparer.Ordinal);

        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            for (var i = 0; i < 2_000; i++)
            {
                Assert.True(seen.TryAdd(ids.Next(), 0));
            }
        });

        Assert.Equal(8_000, seen.Count);
    }

    /// <summary>A clock stopped at one instant, so every id carries the same timestamp.</summary>
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
