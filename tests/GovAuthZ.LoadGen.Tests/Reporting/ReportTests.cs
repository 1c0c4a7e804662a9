using System.Text.Json;
using GovAuthZ.LoadGen.Reporting;
using GovAuthZ.LoadGen.Running;
using GovAuthZ.LoadGen.Scenarios;

namespace GovAuthZ.LoadGen.Tests.Reporting;

public sealed class ReportTests
{
    [Fact]
    public void Json_WhenInterleavedRun_HasScenariosDifferenceBlocksAndErrors()
    {
        using var stream = new MemoryStream();
        JsonReport.Write(stream, Report());

        using var document = JsonDocument.Parse(stream.ToArray());
        var root = document.RootElement;
        Assert.Equal("interleaved", root.GetProperty("settings").GetProperty("mode").GetString());
        var scenarios = root.GetProperty("scenarios");
        Assert.Equal("health", scenarios[0].GetProperty("name").GetString());
        Assert.Equal(100, scenarios[1].GetProperty("latencyMicroseconds").GetProperty("p50").GetDouble());
        Assert.Equal(2, scenarios[1].GetProperty("errors").GetInt64());
        Assert.Equal(2, scenarios[1].GetProperty("errorKinds").GetProperty("grpc-status 3 INVALID_ARGUMENT: bad").GetInt64());
        Assert.Equal(10, root.GetProperty("scenarios")[0].GetProperty("throughputPerSecond").GetDouble());
        var difference = root.GetProperty("difference");
        Assert.Equal(60, difference.GetProperty("p50").GetDouble());
        Assert.Equal(60, difference.GetProperty("min").GetDouble());
        Assert.Equal(60, difference.GetProperty("p999").GetDouble());
        Assert.Equal([58.0, 61.0], root.GetProperty("differenceByBlock").GetProperty("p50").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(3, root.GetProperty("clientGc").GetProperty("gen0").GetInt32());
    }

    [Fact]
    public void Table_WhenInterleavedRun_PrintsRowsDifferenceAndErrors()
    {
        using var writer = new StringWriter();
        TableReport.Write(writer, Report());
        var text = writer.ToString();

        Assert.Contains("run: interleaved health vs check  concurrency: 1  connections: 1", text, StringComparison.Ordinal);
        Assert.Matches(@"\nhealth +10 +0 +40\.0 +40\.0 ", text);
        Assert.Matches(@"\ncheck +10 +2 +100\.0 +100\.0 ", text);
        Assert.Matches(@"\ncheck - health +\+60\.0 +\+60\.0 ", text);
        Assert.Contains("p50 +58.0 / +58.0 / +61.0 us", text, StringComparison.Ordinal);
        Assert.Contains("errors (check): 2", text, StringComparison.Ordinal);
        Assert.Contains("2  grpc-status 3 INVALID_ARGUMENT: bad", text, StringComparison.Ordinal);
        Assert.Contains("client GC during the run: 3 gen0", text, StringComparison.Ordinal);
    }

    private static LoadReport Report()
    {
        var health = new ScenarioResult("health");
        var check = new ScenarioResult("check");
        for (var i = 0; i < 10; i++)
        {
            health.Latency.Record(40_000);
            check.Latency.Record(100_000);
        }

        check.Errors.Add("grpc-status 3 INVALID_ARGUMENT: bad", 2);
        var run = new RunResult([health, check], TimeSpan.FromSeconds(1), Cancelled: false)
        {
            Blocks = new BlockDifferences(TimeSpan.FromSeconds(2), [58.0, 61.0], [70.0, 75.0]),
            ClientGc = new ClientGc(3, 1, 0, TimeSpan.FromMilliseconds(5)),
        };
        var settings = new LoadSettings { Mode = RunMode.Interleaved };
        var machine = new MachineInfo(2, "test cpu", "test os", ".NET test", "0.10 0.20 0.30", "0.40 0.50 0.60");
        return new LoadReport(settings, machine, [new ProbeSummary("check", 1, 1, 0, 7, [])], run);
    }
}
