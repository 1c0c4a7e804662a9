using System.Text.Json;
using GovAuthZ.Cli.Tests.Driver;

namespace GovAuthZ.Cli.Tests.Enforce;

/// <summary><c>govauthz enforce</c> with the request on the command line, with and without <c>--explain</c>.</summary>
public sealed class SingleRequestTests : IDisposable
{
    private readonly PolicyFiles _files = new(Samples.RbacModel, Samples.RbacPolicy);

    [Theory]
    [InlineData("pan_yue", "birth_certificates", "read", "true")]
    [InlineData("pan_yue", "spending_ledger", "read", "false")]
    [InlineData("lei_ting", "spending_ledger", "read", "true")]
    public async Task Enforce_WhenRequestGiven_PrintsDecision(string subject, string obj, string action, string expected)
    {
        var result = await CliProcess.RunAsync(string.Empty, _files.Enforce(subject, obj, action));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([expected], result.Lines);
    }

    [Fact]
    public async Task Enforce_WhenExplainAllowed_PrintsMatchedRuleAndLocation()
    {
        var result = await CliProcess.RunAsync(string.Empty, _files.Enforce("--explain", "pan_yue", "birth_certificates", "read"));

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        Assert.True(root.GetProperty("allow").GetBoolean());
        var rule = root.GetProperty("rules")[0];
        Assert.Equal(["records_clerk", "birth_certificates", "read"], rule.GetProperty("fields").EnumerateArray().Select(f => f.GetString()!).ToArray());
        Assert.Equal(_files.PolicyPath + ":1:1", rule.GetProperty("location").GetString());
    }

    [Fact]
    public async Task Enforce_WhenExplainDenied_PrintsNoRule()
    {
        var result = await CliProcess.RunAsync(string.Empty, _files.Enforce("--explain", "pan_yue", "spending_ledger", "read"));

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.False(json.RootElement.GetProperty("allow").GetBoolean());
        Assert.Equal(0, json.RootElement.GetProperty("rules").GetArrayLength());
    }

    [Fact]
    public async Task Enforce_WhenMaxDepthCutsHierarchy_Denies()
    {
        using var deep = new PolicyFiles(Samples.RbacModel, "p, registrar, archive, read\ng, xu_hui, clerk\ng, clerk, registrar\n");

        var direct = await CliProcess.RunAsync(string.Empty, deep.Enforce("--max-depth", "2", "xu_hui", "archive", "read"));
        var cut = await CliProcess.RunAsync(string.Empty, deep.Enforce("--max-depth", "1", "xu_hui", "archive", "read"));

        Assert.Equal(["true"], direct.Lines);
        Assert.Equal(["false"], cut.Lines);
    }

    public void Dispose() => _files.Dispose();
}
