using System.Globalization;
using GovAuthZ.LoadGen.Histograms;
using GovAuthZ.LoadGen.Running;
using GovAuthZ.LoadGen.Scenarios;

namespace GovAuthZ.LoadGen.Reporting;

/// <summary>The plain-text report: a header with the conditions, one row per scenario, the difference, the errors.</summary>
internal static class TableReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(TextWriter writer, LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        WriteHeader(writer, report);
        writer.WriteLine();
        writer.WriteLine(string.Create(Invariant, $"{"scenario",-16}{"calls",10}{"errors",8}{"min us",9}{"p50 us",9}{"p90 us",9}{"p99 us",9}{"p99.9 us",10}{"max us",10}{"mean us",9}{"calls/s",10}"));
        foreach (var scenario in report.Run.Scenarios)
        {
            WriteRow(writer, report, scenario);
        }

        if (report.Comparison is { } pair)
        {
            WriteDifference(writer, pair.Baseline, pair.Subject);
            if (report.Run.Blocks is { P50.Count: > 0 } blocks)
            {
                WriteBlocks(writer, pair.Subject.Name + " - " + pair.Baseline.Name, blocks);
            }
        }

        var gc = report.Run.ClientGc;
        writer.WriteLine(string.Create(Invariant, $"client GC during the run: {gc.Gen0} gen0, {gc.Gen1} gen1, {gc.Gen2} gen2, {gc.Paused.TotalMilliseconds:0.0} ms paused"));

        foreach (var scenario in report.Run.Scenarios)
        {
            WriteErrors(writer, scenario.Name, "errors", scenario.Errors);
            WriteErrors(writer, scenario.Name, "warm-up errors", scenario.WarmupErrors);
        }
    }

    private static void WriteHeader(TextWriter writer, LoadReport report)
    {
        var s = report.Settings;
        var m = report.Machine;
        var what = s.Mode == RunMode.Interleaved ? $"interleaved health vs {ScenarioNames.Of(s.Scenario)}" : ScenarioNames.Of(s.Scenario);
        var connections = s.Transport == TransportKind.Grpc ? s.Connections.ToString(Invariant) : "1 per worker";
        writer.WriteLine(string.Create(Invariant, $"target: {ScenarioNames.Of(s.Transport)} {s.Target}  run: {what}  concurrency: {s.Concurrency}  connections: {connections}"));
        var stop = s.Count is { } count ? string.Create(Invariant, $"{count} calls") : string.Create(Invariant, $"{s.Duration.TotalSeconds:0.#} s");
        writer.WriteLine(string.Create(Invariant, $"warm-up: {s.Warmup.TotalSeconds:0.#} s  measure: {stop} (measured {report.Run.Measured.TotalSeconds:0.00} s){(report.Run.Cancelled ? "  CANCELLED" : string.Empty)}"));
        writer.WriteLine(string.Create(Invariant, $"machine: {m.Processors} x {m.CpuModel}; {m.Os}; {m.Runtime}"));
        writer.WriteLine(string.Create(Invariant, $"load average (1/5/15 min): {m.LoadBefore ?? "n/a"} before, {m.LoadAfter ?? "n/a"} after"));
        foreach (var probe in report.Probes)
        {
            var decided = probe.Allowed + probe.Denied > 0
                ? string.Create(Invariant, $", {probe.Allowed} allowed, {probe.Denied} denied, policy revision {probe.PolicyRevision}")
                : string.Empty;
            writer.WriteLine(string.Create(Invariant, $"probe: {probe.Name}: {probe.Requests} distinct request(s){decided}"));
        }
    }

    private static void WriteRow(TextWriter writer, LoadReport report, ScenarioResult scenario)
    {
        var h = scenario.Latency;
        writer.WriteLine(string.Create(
            Invariant,
            $"{scenario.Name,-16}{h.Count,10}{scenario.Errors.Total,8}{LoadReport.Microseconds(h.Min),9:0.0}{Q(h, 0.5),9:0.0}{Q(h, 0.9),9:0.0}{Q(h, 0.99),9:0.0}{Q(h, 0.999),10:0.0}{LoadReport.Microseconds(h.Max),10:0.0}{LoadReport.Microseconds(h.Mean),9:0.0}{report.ThroughputOf(scenario),10:0}"));
    }

    private static void WriteDifference(TextWriter writer, ScenarioResult baseline, ScenarioResult subject)
    {
        var b = baseline.Latency;
        var s = subject.Latency;
        var label = subject.Name + " - " + baseline.Name;
        writer.WriteLine(string.Create(
            Invariant,
            $"{label,-34}{LoadReport.Microseconds(s.Min - b.Min),9:+0.0;-0.0}{Q(s, 0.5) - Q(b, 0.5),9:+0.0;-0.0}{Q(s, 0.9) - Q(b, 0.9),9:+0.0;-0.0}{Q(s, 0.99) - Q(b, 0.99),9:+0.0;-0.0}{Q(s, 0.999) - Q(b, 0.999),10:+0.0;-0.0}{"",10}{LoadReport.Microseconds(s.Mean - b.Mean),9:+0.0;-0.0}"));
    }

    private static void WriteBlocks(TextWriter writer, string label, BlockDifferences blocks)
    {
        var p50 = BlockDifferences.Spread(blocks.P50);
        var p99 = BlockDifferences.Spread(blocks.P99);
        writer.WriteLine(string.Create(
            Invariant,
            $"{label} per {blocks.BlockLength.TotalSeconds:0.#} s block ({blocks.P50.Count} blocks), min / median / max: p50 {p50.Min:+0.0;-0.0} / {p50.Median:+0.0;-0.0} / {p50.Max:+0.0;-0.0} us, p99 {p99.Min:+0.0;-0.0} / {p99.Median:+0.0;-0.0} / {p99.Max:+0.0;-0.0} us"));
    }

    private static void WriteErrors(TextWriter writer, string scenario, string title, ErrorTally errors)
    {
        if (errors.Total == 0)
        {
            return;
        }

        writer.WriteLine(string.Create(Invariant, $"{title} ({scenario}): {errors.Total}"));
        foreach (var (error, count) in errors.Counts)
        {
            writer.WriteLine(string.Create(Invariant, $"  {count,8}  {error}"));
        }
    }

    private static double Q(LatencyHistogram latency, double quantile) => LoadReport.QuantileMicroseconds(latency, quantile);
}
