using System.Text;
using GovAuthZ.Cli.Tests.Driver;

namespace GovAuthZ.Cli.Tests.Enforce;

/// <summary><c>govauthz enforce --batch</c>: JSON Lines in, one answer line per request out, in order.</summary>
public sealed class BatchTests : IDisposable
{
    private const string Allowed = """["pan_yue","birth_certificates","read"]""";
    private const string Denied = """["pan_yue","spending_ledger","read"]""";
    private readonly PolicyFiles _files = new(Samples.RbacModel, Samples.RbacPolicy);

    [Fact]
    public async Task Batch_WhenThousandMixedLines_AnswersEachInOrder()
    {
        var input = new StringBuilder();
        var expected = new string[1000];
        for (var i = 0; i < expected.Length; i++)
        {
            var allow = i % 3 == 0 || i % 7 == 0;
            input.Append(allow ? Allowed : Denied).Append('\n');
            expected[i] = allow ? "true" : "false";
        }

        var result = await CliProcess.RunAsync(input.ToString(), _files.Enforce("--batch"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, result.Lines);
    }

    [Fact]
    public async Task Batch_WhenLinesAreMalformed_ReportsEachAndContinues()
    {
        var input = string.Join('\n', Allowed, "[\"pan_yue\", ", Denied, """{"sub":"pan_yue"}""", Allowed, "42") + "\n";

        var result = await CliProcess.RunAsync(input, _files.Enforce("--batch"));

        Assert.Equal(1, result.ExitCode);
        var lines = result.Lines;
        Assert.Equal(6, lines.Length);
        Assert.Equal("true", lines[0]);
        Assert.StartsWith("error: GAZ1901 line 2:", lines[1], StringComparison.Ordinal);
        Assert.Equal("false", lines[2]);
        Assert.StartsWith("error: GAZ1902 line 4:", lines[3], StringComparison.Ordinal);
        Assert.Equal("true", lines[4]);
        Assert.StartsWith("error: GAZ1902 line 6:", lines[5], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_WhenRequestHasWrongArity_ReportsGaz1405AndExitsOne()
    {
        var input = Allowed + "\n" + """["pan_yue","birth_certificates"]""" + "\n" + Allowed + "\n";

        var result = await CliProcess.RunAsync(input, _files.Enforce("--batch"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("true", result.Lines[0]);
        Assert.StartsWith("error: GAZ1405 line 2:", result.Lines[1], StringComparison.Ordinal);
        Assert.Equal("true", result.Lines[2]);
        Assert.Equal(3, result.Lines.Length);
    }

    [Fact]
    public async Task Batch_WhenEvaluationFails_AnswersFalseNotError()
    {
        using var abac = new PolicyFiles(Samples.AbacModel, Samples.AbacPolicy);
        var input = """
            [{"level": 2}, "provincial_statistics"]
            [{"name": "no level"}, "provincial_statistics"]
            ["a plain string", "provincial_statistics"]

            """;

        var result = await CliProcess.RunAsync(input, abac.Enforce("--batch"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["true", "false", "false"], result.Lines);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("")]
    [InlineData("\r\n")]
    public async Task Batch_WhenLastLineEndsWith_AnswersEachRequestOnce(string ending)
    {
        var input = Allowed + "\n" + Denied + ending;

        var result = await CliProcess.RunAsync(input, _files.Enforce("--batch"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["true", "false"], result.Lines);
        Assert.EndsWith("\n", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_WhenInputUsesCrlf_AnswersEveryLine()
    {
        var input = Allowed + "\r\n" + Denied + "\r\n" + Allowed + "\r\n";

        var result = await CliProcess.RunAsync(input, _files.Enforce("--batch"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["true", "false", "true"], result.Lines);
    }

    [Fact]
    public async Task Batch_WhenInputIsEmpty_AnswersNothingAndExitsZero()
    {
        var result = await CliProcess.RunAsync(string.Empty, _files.Enforce("--batch"));

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Lines);
    }

    [Fact]
    public async Task Batch_WhenGivenValuesToo_ExitsTwo()
    {
        var result = await CliProcess.RunAsync(string.Empty, _files.Enforce("--batch", "pan_yue"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", result.StandardError, StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();
}
