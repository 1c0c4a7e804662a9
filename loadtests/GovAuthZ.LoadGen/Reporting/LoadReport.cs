using GovAuthZ.LoadGen.Histograms;
using GovAuthZ.LoadGen.Running;

namespace GovAuthZ.LoadGen.Reporting;

/// <summary>Everything a report prints: settings, machine, probe answers and the run's results.</summary>
internal sealed record LoadReport(LoadSettings Settings, MachineInfo Machine, IReadOnlyList<ProbeSummary> Probes, RunResult Run)
{
    /// <summary>The quantiles every report shows, with their column names.</summary>
    public static readonly (string Name, double Quantile)[] Quantiles =
    [
        ("p50", 0.50), ("p90", 0.90), ("p99", 0.99), ("p99.9", 0.999),
    ];

    public double ThroughputOf(ScenarioResult scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var seconds = Run.Measured.TotalSeconds;
        return seconds > 0 ? scenario.Latency.Count / seconds : 0;
    }

    /// <summary>In an interleaved run, the second scenario (the check) less the first (health).</summary>
    public (ScenarioResult Baseline, ScenarioResult Subject)? Comparison =>
        Run.Scenarios.Count == 2 ? (Run.Scenarios[0], Run.Scenarios[1]) : null;

    public static double Microseconds(double nanoseconds) => nanoseconds / 1000.0;

    public static double QuantileMicroseconds(LatencyHistogram latency, double quantile) =>
        Microseconds(latency.ValueAtQuantile(quantile));
}
