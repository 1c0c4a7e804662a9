using GovAuthZ.LoadGen.Transport;

namespace GovAuthZ.LoadGen.Running;

/// <summary>
/// Closed-loop load: <c>concurrency</c> workers, each making its next call as soon as the previous one
/// completes. Calls that start before the warm-up ends are not recorded. Measurement stops at the end of
/// the duration, or once the requested number of calls has started. A latency is the time from just
/// before the request is handed to the HTTP stack to the moment its whole response, trailers included,
/// has been read and checked. The runner owns the callers it asks for and disposes them at the end.
/// </summary>
internal static class ClosedLoopRunner
{
    public static async Task<RunResult> RunAsync(Func<int, ICaller[]> createCallers, LoadSettings settings, CancellationToken cancellationToken, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(createCallers);
        ArgumentNullException.ThrowIfNull(settings);
        var clock = time is null ? Clock.System : new Clock(time);
        var gcAtStart = ClientGc.Now();
        var plan = new Plan(clock, settings);
        var workers = new Worker[settings.Concurrency];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = new Worker(createCallers(i), plan);
        }

        var tasks = new Task[workers.Length];
        for (var i = 0; i < workers.Length; i++)
        {
            var worker = workers[i];
            tasks[i] = Task.Run(() => worker.RunAsync(plan, cancellationToken), CancellationToken.None);
        }

        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Dispose();
            }
        }

        var gc = ClientGc.Now().Since(gcAtStart);
        return Collect(workers, plan, settings, gc, cancellationToken.IsCancellationRequested);
    }

    /// <summary>
    /// Which of a worker's callers makes call number <paramref name="sequence"/>: always the only one, or
    /// for two the pattern A B B A, so each kind follows each kind equally often and neither always runs
    /// right after the other (which would hand it the other's cache and scheduler leftovers).
    /// </summary>
    public static int Pick(long sequence, int callers) => callers == 1 || (sequence & 3) is 0 or 3 ? 0 : 1;

    private static RunResult Collect(Worker[] workers, Plan plan, LoadSettings settings, ClientGc gc, bool cancelled)
    {
        var first = workers[0].Results;
        var merged = new ScenarioResult[first.Length];
        for (var s = 0; s < merged.Length; s++)
        {
            merged[s] = new ScenarioResult(first[s].Name);
        }

        var blocks = plan.BlockTicks > 0 && merged.Length == 2 ? new TimeBlocks(2, plan.MeasureStart, plan.BlockTicks) : null;
        var lastEnd = plan.MeasureStart;
        foreach (var worker in workers)
        {
            lastEnd = Math.Max(lastEnd, worker.LastEnd);
            for (var s = 0; s < merged.Length; s++)
            {
                merged[s].Add(worker.Results[s]);
            }

            if (worker.Blocks is not null)
            {
                blocks?.Add(worker.Blocks);
            }
        }

        var measured = TimeSpan.FromTicks(plan.Clock.ToNanoseconds(lastEnd - plan.MeasureStart) / 100);
        var differences = blocks?.Differences(settings.Duration / TimeBlocks.Count);
        return new RunResult(merged, measured, cancelled) { Blocks = differences, ClientGc = gc };
    }

    /// <summary>Shared by all workers: when measuring starts and what ends it.</summary>
    private sealed class Plan
    {
        private readonly long _measureEnd;
        private readonly long? _count;
        private long _started;

        public Plan(Clock clock, LoadSettings settings)
        {
            Clock = clock;
            var start = clock.Now();
            MeasureStart = start + clock.ToTicks(settings.Warmup);
            _measureEnd = MeasureStart + clock.ToTicks(settings.Duration);
            _count = settings.Count;
            BlockTicks = settings.Count is null ? Math.Max(1, clock.ToTicks(settings.Duration) / TimeBlocks.Count) : 0;
        }

        public Clock Clock { get; }

        public long MeasureStart { get; }

        /// <summary>Block length for per-block figures: only when measuring for a set time.</summary>
        public long BlockTicks { get; }

        /// <summary>Whether a measured call may start now; in count mode this also claims one of the calls.</summary>
        public bool MayStart(long now) => _count is { } limit ? Interlocked.Increment(ref _started) <= limit : now < _measureEnd;
    }

    private sealed class Worker : IDisposable
    {
        private readonly ICaller[] _callers;

        public Worker(ICaller[] callers, Plan plan)
        {
            _callers = callers;
            Results = new ScenarioResult[callers.Length];
            for (var i = 0; i < callers.Length; i++)
            {
                Results[i] = new ScenarioResult(callers[i].Name);
            }

            Blocks = plan.BlockTicks > 0 && callers.Length == 2 ? new TimeBlocks(2, plan.MeasureStart, plan.BlockTicks) : null;
        }

        public ScenarioResult[] Results { get; }

        public TimeBlocks? Blocks { get; }

        public long LastEnd { get; private set; }

        public void Dispose()
        {
            foreach (var caller in _callers)
            {
                caller.Dispose();
            }
        }

        public async Task RunAsync(Plan plan, CancellationToken cancellationToken)
        {
            for (long sequence = 0; !cancellationToken.IsCancellationRequested; sequence++)
            {
                var start = plan.Clock.Now();
                var measuring = start >= plan.MeasureStart;
                if (measuring && !plan.MayStart(start))
                {
                    return;
                }

                var index = Pick(sequence, _callers.Length);
                CallOutcome outcome;
                try
                {
                    outcome = await _callers[index].CallAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // The run was stopped (Ctrl+C) while this call was in flight: it is neither timed
                    // nor an error, and what was measured so far is still reported.
                    return;
                }

                var end = plan.Clock.Now();
                if (cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                if (measuring)
                {
                    RecordMeasured(index, outcome, start, end, plan.Clock);
                }
                else if (outcome.Error is { } error)
                {
                    Results[index].WarmupErrors.Add(error);
                }
            }
        }

        private void RecordMeasured(int index, CallOutcome outcome, long start, long end, Clock clock)
        {
            LastEnd = end;
            if (outcome.Error is { } error)
            {
                Results[index].Errors.Add(error);
                return;
            }

            var nanoseconds = clock.ToNanoseconds(end - start);
            Results[index].Latency.Record(nanoseconds);
            Blocks?.Record(index, start, nanoseconds);
        }
    }
}
