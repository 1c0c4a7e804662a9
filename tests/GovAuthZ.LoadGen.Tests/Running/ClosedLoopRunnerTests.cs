using GovAuthZ.LoadGen.Running;
using GovAuthZ.LoadGen.Transport;

namespace GovAuthZ.LoadGen.Tests.Running;

public sealed class ClosedLoopRunnerTests
{
    [Fact]
    public async Task RunAsync_WhenCountGiven_MeasuresExactlyThatManyCallsOverAllWorkers()
    {
        var settings = new LoadSettings { Concurrency = 3, Warmup = TimeSpan.Zero, Count = 1000 };

        var result = await ClosedLoopRunner.RunAsync(_ => [new FakeCaller("check")], settings, CancellationToken.None);

        var check = Assert.Single(result.Scenarios);
        Assert.Equal("check", check.Name);
        Assert.Equal(1000, check.Latency.Count);
        Assert.Equal(0, check.Errors.Total);
        Assert.False(result.Cancelled);
    }

    [Fact]
    public async Task RunAsync_WhenCallsFail_CountsThemAsErrorsAndTimesOnlySuccesses()
    {
        var settings = new LoadSettings { Concurrency = 1, Warmup = TimeSpan.Zero, Count = 100 };

        var result = await ClosedLoopRunner.RunAsync(_ => [new FakeCaller("check", failEvery: 4)], settings, CancellationToken.None);

        var check = Assert.Single(result.Scenarios);
        Assert.Equal(75, check.Latency.Count);
        Assert.Equal(25, check.Errors.Total);
        Assert.Equal(25, check.Errors.Counts[FakeCaller.FailureText]);
        Assert.Equal(25, result.TotalErrors);
    }

    [Fact]
    public async Task RunAsync_WhenInterleaved_SplitsCallsEvenlyAndKeepsScenarioOrder()
    {
        var settings = new LoadSettings { Concurrency = 1, Warmup = TimeSpan.Zero, Count = 400 };

        var result = await ClosedLoopRunner.RunAsync(_ => [new FakeCaller("health"), new FakeCaller("check")], settings, CancellationToken.None);

        Assert.Equal(["health", "check"], result.Scenarios.Select(s => s.Name));
        Assert.Equal(200, result.Scenarios[0].Latency.Count);
        Assert.Equal(200, result.Scenarios[1].Latency.Count);
    }

    [Fact]
    public async Task RunAsync_WhenDurationGiven_MeasuresUntilItEndsAndTimesEachCall()
    {
        // Each call reads the clock twice (start, end): 1 ms per read is 2 ms per call, 1 ms of it timed.
        var settings = new LoadSettings { Concurrency = 1, Warmup = TimeSpan.FromMilliseconds(10), Duration = TimeSpan.FromMilliseconds(100) };

        var result = await ClosedLoopRunner.RunAsync(_ => [new FakeCaller("check")], settings, CancellationToken.None, Step(1));

        var check = Assert.Single(result.Scenarios);
        Assert.Equal(50, check.Latency.Count);
        Assert.Equal(1_000_000, check.Latency.Min);
        Assert.Equal(1_000_000, check.Latency.Max);
        Assert.Equal(TimeSpan.FromMilliseconds(100), result.Measured);
        Assert.Equal(500, result.Scenarios[0].Latency.Count / result.Measured.TotalSeconds);
    }

    [Fact]
    public async Task RunAsync_WhenInterleavedForADuration_ReportsEveryBlock()
    {
        var settings = new LoadSettings { Concurrency = 1, Warmup = TimeSpan.Zero, Duration = TimeSpan.FromMilliseconds(100) };

        var result = await ClosedLoopRunner.RunAsync(_ => [new FakeCaller("health"), new FakeCaller("check")], settings, CancellationToken.None, Step(1));

        var blocks = Assert.IsType<BlockDifferences>(result.Blocks);
        Assert.Equal(TimeBlocks.Count, blocks.P50.Count);
        Assert.All(blocks.P50, difference => Assert.Equal(0, difference));
        Assert.Equal(TimeSpan.FromMilliseconds(10), blocks.BlockLength);
        Assert.Equal(25, result.Scenarios[0].Latency.Count);
        Assert.Equal(25, result.Scenarios[1].Latency.Count);
    }

    [Fact]
    public async Task RunAsync_WhenCountGivenOrOneScenario_HasNoBlocks()
    {
        var counted = new LoadSettings { Warmup = TimeSpan.Zero, Count = 100 };
        var timed = new LoadSettings { Warmup = TimeSpan.Zero, Duration = TimeSpan.FromMilliseconds(20) };

        var interleavedByCount = await ClosedLoopRunner.RunAsync(_ => [new FakeCaller("health"), new FakeCaller("check")], counted, CancellationToken.None, Step(1));
        var closed = await ClosedLoopRunner.RunAsync(_ => [new FakeCaller("check")], timed, CancellationToken.None, Step(1));

        Assert.Null(interleavedByCount.Blocks);
        Assert.Null(closed.Blocks);
        Assert.Equal(10, closed.Scenarios[0].Latency.Count);
    }

    [Fact]
    public async Task RunAsync_WhenWarmupFails_CountsWarmupErrorsApart()
    {
        // Calls 1-5 fall in the 10 ms warm-up; every second call fails.
        var settings = new LoadSettings { Concurrency = 1, Warmup = TimeSpan.FromMilliseconds(10), Duration = TimeSpan.FromMilliseconds(10) };

        var result = await ClosedLoopRunner.RunAsync(_ => [new FakeCaller("check", failEvery: 2)], settings, CancellationToken.None, Step(1));

        var check = result.Scenarios[0];
        Assert.Equal(2, check.WarmupErrors.Total);
        Assert.Equal(3, check.Errors.Total);
        Assert.Equal(2, check.Latency.Count);
        Assert.Equal(5, result.TotalErrors);
    }

    [Fact]
    public async Task RunAsync_WhenAlreadyCancelled_RecordsNothingAndSaysSo()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        var settings = new LoadSettings { Concurrency = 2, Warmup = TimeSpan.Zero, Count = 10 };

        var result = await ClosedLoopRunner.RunAsync(_ => [new FakeCaller("check")], settings, cancel.Token);

        Assert.True(result.Cancelled);
        Assert.Equal(0, result.Scenarios[0].Latency.Count);
    }

    [Fact]
    public async Task RunAsync_WhenStoppedDuringACall_KeepsWhatWasMeasured()
    {
        using var stop = new CancellationTokenSource();
        var settings = new LoadSettings { Concurrency = 1, Warmup = TimeSpan.Zero, Count = 1000 };

        var result = await ClosedLoopRunner.RunAsync(_ => [new StoppingCaller(stop, stopOnCall: 50)], settings, stop.Token);

        Assert.True(result.Cancelled);
        Assert.Equal(49, result.Scenarios[0].Latency.Count);
        Assert.Equal(0, result.TotalErrors);
    }

    [Fact]
    public void Pick_WhenTwoCallers_FollowsABBA()
    {
        var picks = new int[8];
        for (var i = 0; i < picks.Length; i++)
        {
            picks[i] = ClosedLoopRunner.Pick(i, 2);
        }

        Assert.Equal([0, 1, 1, 0, 0, 1, 1, 0], picks);
        Assert.Equal(0, ClosedLoopRunner.Pick(5, 1));
    }

    [Fact]
    public void ErrorTally_WhenManyDistinctErrors_FoldsTheRestIntoOneLine()
    {
        var tally = new ErrorTally();
        for (var i = 0; i < 100; i++)
        {
            tally.Add("error " + i);
        }

        tally.Add("error 0");

        Assert.Equal(101, tally.Total);
        Assert.Equal(33, tally.Counts.Count);
        Assert.Equal(2, tally.Counts["error 0"]);
    }

    [Fact]
    public void CallOutcome_WhenSuccess_CarriesNoError()
    {
        Assert.True(CallOutcome.Success.IsSuccess);
        Assert.False(CallOutcome.Failure("x").IsSuccess);
    }

    private static SteppingTimeProvider Step(int milliseconds) => new(TimeSpan.FromMilliseconds(milliseconds));

    /// <summary>Stops the run from inside a call and then fails the way the HTTP stack does when cancelled.</summary>
    private sealed class StoppingCaller(CancellationTokenSource stop, int stopOnCall) : ICaller
    {
        private int _calls;

        public string Name => "check";

        public int VariantCount => 1;

        public ReadOnlyMemory<byte> LastMessage => ReadOnlyMemory<byte>.Empty;

        public async ValueTask<CallOutcome> CallAsync(CancellationToken cancellationToken)
        {
            if (++_calls == stopOnCall)
            {
                await stop.CancelAsync();
                cancellationToken.ThrowIfCancellationRequested();
            }

            return CallOutcome.Success;
        }

        public void Dispose()
        {
            // Nothing to release.
        }
    }
}
