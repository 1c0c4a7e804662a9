using GovAuthZ.LoadGen.Histograms;

namespace GovAuthZ.LoadGen.Running;

/// <summary>
/// What one scenario of a run produced: the latency of its successful measured calls (nanoseconds) and
/// its failures, measured and during warm-up, which are counted but never timed.
/// </summary>
internal sealed class ScenarioResult(string name)
{
    public string Name { get; } = name;

    public LatencyHistogram Latency { get; } = new();

    public ErrorTally Errors { get; } = new();

    public ErrorTally WarmupErrors { get; } = new();

    public void Add(ScenarioResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Latency.Add(other.Latency);
        Errors.Add(other.Errors);
        WarmupErrors.Add(other.WarmupErrors);
    }
}

/// <summary>A whole run: one result per scenario, in the order the workers call them, and the measured window.</summary>
internal sealed record RunResult(IReadOnlyList<ScenarioResult> Scenarios, TimeSpan Measured, bool Cancelled)
{
    /// <summary>Per-block differences, for interleaved runs of a set duration; otherwise null.</summary>
    public BlockDifferences? Blocks { get; init; }

    /// <summary>The load generator's own collections during the run.</summary>
    public ClientGc ClientGc { get; init; }

    public long TotalErrors
    {
        get
        {
            long total = 0;
            foreach (var scenario in Scenarios)
            {
                total += scenario.Errors.Total + scenario.WarmupErrors.Total;
            }

            return total;
        }
    }
}
