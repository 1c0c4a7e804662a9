using GovAuthZ.Cli.Tests.Driver;

namespace GovAuthZ.Cli.Tests.Enforce;

/// <summary>
/// A driver that writes one request and waits for its answer before writing the next must be served:
/// the batch command flushes after each chunk it reads instead of when standard input closes.
/// </summary>
public sealed class StreamingTests
{
    [Fact]
    public async Task Batch_WhenDriverWaitsForEachAnswer_AnswersBeforeNextLine()
    {
        using var files = new PolicyFiles(Samples.RbacModel, Samples.RbacPolicy);
        using var cli = CliProcess.Start(files.Enforce("--batch"));
        string[] requests = ["""["pan_yue","birth_certificates","read"]""", """["pan_yue","spending_ledger","read"]""", """["lei_ting","spending_ledger","read"]"""];
        var answers = new List<string?>();

        foreach (var request in requests)
        {
            // Input stays open: an answer can only arrive if the line was handled and flushed on its own.
            await cli.Input.WriteLineAsync(request);
            await cli.Input.FlushAsync();
            answers.Add(await cli.ReadLineAsync());
        }

        cli.Input.Close();
        var rest = await cli.FinishAsync(cli.Output.ReadToEndAsync());
        Assert.Equal(["true", "false", "true"], answers);
        Assert.Equal(0, rest.ExitCode);
        Assert.Empty(rest.StandardOutput);
    }
}
