using System.Text.Json;
using GovAuthZ.LoadGen.Histograms;
using GovAuthZ.LoadGen.Running;
using GovAuthZ.LoadGen.Scenarios;

namespace GovAuthZ.LoadGen.Reporting;

/// <summary>
/// The machine-readable report for scripts. Latencies are in microseconds; <c>difference</c> appears in
/// interleaved runs and holds the check scenario's figures less health's.
/// </summary>
internal static class JsonReport
{
    public static void Write(Stream output, LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        WriteSettings(json, report.Settings);
        WriteMachine(json, report.Machine);
        json.WriteStartArray("probes");
        foreach (var probe in report.Probes)
        {
            json.WriteStartObject();
            json.WriteString("scenario", probe.Name);
            json.WriteNumber("requests", probe.Requests);
            json.WriteNumber("allowed", probe.Allowed);
            json.WriteNumber("denied", probe.Denied);
            json.WriteNumber("policyRevision", probe.PolicyRevision);
            json.WriteNumber("errors", probe.Errors.Count);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("measuredSeconds", report.Run.Measured.TotalSeconds);
        json.WriteBoolean("cancelled", report.Run.Cancelled);
        json.WriteStartArray("scenarios");
        foreach (var scenario in report.Run.Scenarios)
        {
            WriteScenario(json, report, scenario);
        }

        json.WriteEndArray();
        if (report.Comparison is { } pair)
        {
            WriteDifference(json, pair.Baseline, pair.Subject);
        }

        if (report.Run.Blocks is { } blocks)
        {
            WriteBlocks(json, blocks);
        }

        var gc = report.Run.ClientGc;
        json.WriteStartObject("clientGc");
        json.WriteNumber("gen0", gc.Gen0);
        json.WriteNumber("gen1", gc.Gen1);
        json.WriteNumber("gen2", gc.Gen2);
        json.WriteNumber("pausedMilliseconds", Math.Round(gc.Paused.TotalMilliseconds, 2));
        json.WriteEndObject();

        json.WriteEndObject();
    }

    private static void WriteSettings(Utf8JsonWriter json, LoadSettings s)
    {
        json.WriteStartObject("settings");
        json.WriteString("target", s.Target.ToString());
        json.WriteString("transport", ScenarioNames.Of(s.Transport));
        json.WriteString("scenario", ScenarioNames.Of(s.Scenario));
        json.WriteString("mode", ScenarioNames.Of(s.Mode));
        json.WriteNumber("concurrency", s.Concurrency);
        json.WriteNumber("connections", s.Connections);
        json.WriteNumber("warmupSeconds", s.Warmup.TotalSeconds);
        json.WriteNumber("durationSeconds", s.Duration.TotalSeconds);
        if (s.Count is { } count)
        {
            json.WriteNumber("count", count);
        }

        json.WriteNumber("variants", s.Variants);
        json.WriteEndObject();
    }

    private static void WriteMachine(Utf8JsonWriter json, MachineInfo m)
    {
        json.WriteStartObject("machine");
        json.WriteNumber("processors", m.Processors);
        json.WriteString("cpu", m.CpuModel);
        json.WriteString("os", m.Os);
        json.WriteString("runtime", m.Runtime);
        json.WriteString("loadAverageBefore", m.LoadBefore);
        json.WriteString("loadAverageAfter", m.LoadAfter);
        json.WriteEndObject();
    }

    private static void WriteScenario(Utf8JsonWriter json, LoadReport report, ScenarioResult scenario)
    {
        var h = scenario.Latency;
        json.WriteStartObject();
        json.WriteString("name", scenario.Name);
        json.WriteNumber("calls", h.Count);
        json.WriteNumber("errors", scenario.Errors.Total);
        json.WriteNumber("warmupErrors", scenario.WarmupErrors.Total);
        json.WriteNumber("throughputPerSecond", Math.Round(report.ThroughputOf(scenario), 1));
        json.WriteStartObject("latencyMicroseconds");
        json.WriteNumber("min", Us(h.Min));
        foreach (var (name, quantile) in LoadReport.Quantiles)
        {
            json.WriteNumber(JsonName(name), Us(h.ValueAtQuantile(quantile)));
        }

        json.WriteNumber("max", Us(h.Max));
        json.WriteNumber("mean", Us(h.Mean));
        json.WriteEndObject();
        json.WriteStartObject("errorKinds");
        foreach (var (error, count) in scenario.Errors.Counts)
        {
            json.WriteNumber(error, count);
        }

        foreach (var (error, count) in scenario.WarmupErrors.Counts)
        {
            json.WriteNumber("warm-up: " + error, count);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteDifference(Utf8JsonWriter json, ScenarioResult baseline, ScenarioResult subject)
    {
        json.WriteStartObject("difference");
        json.WriteString("subject", subject.Name);
        json.WriteString("baseline", baseline.Name);
        json.WriteNumber("min", Us(subject.Latency.Min - baseline.Latency.Min));
        foreach (var (name, quantile) in LoadReport.Quantiles)
        {
            json.WriteNumber(JsonName(name), Math.Round(Delta(baseline.Latency, subject.Latency, quantile), 2));
        }

        json.WriteNumber("mean", Us(subject.Latency.Mean - baseline.Latency.Mean));
        json.WriteEndObject();
    }

    private static void WriteBlocks(Utf8JsonWriter json, BlockDifferences blocks)
    {
        json.WriteStartObject("differenceByBlock");
        json.WriteNumber("blockSeconds", blocks.BlockLength.TotalSeconds);
        json.WriteStartArray("p50");
        foreach (var value in blocks.P50)
        {
            json.WriteNumberValue(Math.Round(value, 2));
        }

        json.WriteEndArray();
        json.WriteStartArray("p99");
        foreach (var value in blocks.P99)
        {
            json.WriteNumberValue(Math.Round(value, 2));
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static double Delta(LatencyHistogram baseline, LatencyHistogram subject, double quantile) =>
        LoadReport.QuantileMicroseconds(subject, quantile) - LoadReport.QuantileMicroseconds(baseline, quantile);

    /// <summary>"p99.9" becomes "p999", so scripts can write .p999 instead of .["p99.9"].</summary>
    private static string JsonName(string name) => name.Replace(".", string.Empty, StringComparison.Ordinal);

    private static double Us(double nanoseconds) => Math.Round(LoadReport.Microseconds(nanoseconds), 2);
}
