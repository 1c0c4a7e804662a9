using System.Diagnostics;
using GovAuthZ.LoadGen.Transport;

namespace GovAuthZ.LoadGen.Running;

/// <summary>
/// Closed-loop load: <c>concurrency</c> workers, each making its next call as soon as the previous one
/// completes. Calls that start before the warm-up ends are not recorded. Measurement stops at the end of
/// the duration, or once the requested number of calls has started. A latency is the time from just
/// before the request is handed to the HTTP client to the moment its whole response, trailers included,
/// has been read and checked. The runner owns the callers it asks for and disposes them at the end.
/// </summary>
internal static class ClosedLoopRunner
{
    public static async Task<RunResult> RunAsync(Func<int, ICaller[]> createCallers, LoadSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(createCallers);
        ArgumentNullException.ThrowIfNull(settings);
        var workers = new Worker[settings.Concurrency];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = new Worker(createCallers(i));
        }

        var start = Stopwatch.GetTimestamp();
        var plan = new Plan(start + Clock.ToTicks(settings.Warmup), start + Clock.ToTicks(settings.Warmup + settings.Duration), settings.Count);
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

        return Collect(workers, plan.MeasureStart, cancellationToken.IsCancellationRequested);
    }

    /// <summary>
    /// Which of a worker's callers makes call number <paramref name="sequence"/>: always the only one, or
    /// for two the pattern A B B A, so each kind follows each kind equally often and neither always runs
    /// right after the other (which would hand it the other's cache and scheduler leftovers).
    /// </summary>
    public static int Pick(long sequence, int callers) => callers == 1 || (sequence & 3) is 0 or 3 ? 0 : 1;

    private static RunResult Collect(Worker[] workers, long measureStart, bool cancelled)
    {
        var first = workers[0].Results;
        var merged = new ScenarioResult[first.Length];
        for (var s = 0; s < merged.Length; s++)
        {
            merged[s] = new ScenarioResult(first[s].Name);
        }

        var lastEnd = measureStart;
        foreach (var worker in workers)
        {
            lastEnd = Math.Max(lastEnd, worker.LastEnd);
            for (var s = 0; s < merged.Length; s++)
            {
                merged[s].Add(worker.Results[s]);
            }
        }

        var measured = TimeSpan.FromTicks(Clock.ToNanoseconds(lastEnd - measureStart) / 100);
        return new RunResult(merged, measured, cancelled);
    }

    /// <summary>Shared by all workers: when measuring starts and what ends it.</summary>
    private sealed class Plan(long measureStart, long measureEnd, long? count)
    {
        private long _started;

        public long MeasureStart { get; } = measureStart;

        /// <summary>Whether a measured call may start now; in count mode this also claims one of the calls.</summary>
        public bool MayStart(long now) => count is { } limit ? Interlocked.Increment(ref _started) <= limit : now < measureEnd;
    }

    private sealed class Worker : IDisposable
    {
        private readonly ICaller[] _callers;

        public Worker(ICaller[] callers)
        {
            _callers = callers;
            Results = new ScenarioResult[callers.Length];
            for (var i = 0; i < callers.Length; i++)
            {
                Results[i] = new ScenarioResult(callers[i].Name);
            }
        }

        public ScenarioResult[] Results { get; }

        public void Dispose()
        {
            foreach (var caller in _callers)
            {
                caller.Dispose();
            }
        }

        public long LastEnd { get; private set; }

        public async Task RunAsync(Plan plan, CancellationToken cancellationToken)
        {
            for (long sequence = 0; !cancellationToken.IsCancellationRequested; sequence++)
            {
                var start = Stopwatch.GetTimestamp();
                var measuring = start >= plan.MeasureStart;
                if (measuring && !plan.MayStart(start))
                {
                    return;
                }

                var index = Pick(sequence, _callers.Length);
                var outcome = await _callers[index].CallAsync(cancellationToken).ConfigureAwait(false);
                var end = Stopwatch.GetTimestamp();
                if (cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                Record(Results[index], outcome, measuring, end - start);
                if (measuring)
                {
                    LastEnd = end;
                }
            }
        }

        private static void Record(ScenarioResult result, CallOutcome outcome, bool measuring, long ticks)
        {
            if (outcome.Error is { } error)
            {
                (measuring ? result.Errors : result.WarmupErrors).Add(error);
            }
            else if (measuring)
            {
                result.Latency.Record(Clock.ToNanoseconds(ticks));
            }
        }
    }
}
