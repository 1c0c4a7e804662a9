using System.Text.RegularExpressions;
using GovAuthZ.Cli.Tests.Driver;

namespace GovAuthZ.Cli.Tests.Enforce;

/// <summary>Bad option values and unloadable files exit 2 with an <c>error:</c> line on standard error.</summary>
public sealed class UsageErrorTests : IDisposable
{
    private readonly PolicyFiles _files = new(Samples.RbacModel, Samples.RbacPolicy);

    [Theory]
    [InlineData("--max-depth", "0", "--max-depth")]
    [InlineData("--max-depth", "deep", "--max-depth")]
    [InlineData("--role-matcher", "g", "--role-matcher")]
    [InlineData("--role-matcher", "g=", "--role-matcher")]
    [InlineData("--role-matcher", "g=noSuchFunction", "noSuchFunction")]
    [InlineData("--domain-matcher", "=keyMatch", "--domain-matcher")]
    [InlineData("--context", "r2,p2", "--context")]
    [InlineData("--context", "r2,p2,e2,m2", "r2")]
    public async Task Enforce_WhenOptionValueIsBad_ExitsTwoWithError(string option, string value, string mentioned)
    {
        var result = await CliProcess.RunAsync(string.Empty, _files.Enforce(option, value, "pan_yue", "birth_certificates", "read"));

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.StandardOutput);
        Assert.StartsWith("error: ", result.StandardError, StringComparison.Ordinal);
        Assert.Contains(mentioned, result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enforce_WhenMatcherNamedTwice_ExitsTwo()
    {
        var result = await CliProcess.RunAsync(string.Empty, _files.Enforce("--role-matcher", "g=keyMatch", "--role-matcher", "g=keyMatch2", "pan_yue", "birth_certificates", "read"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("more than once", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enforce_WhenPolicyHasRoleCycle_PrintsCodeAndLocation()
    {
        using var cyclic = new PolicyFiles(Samples.RbacModel, "p, clerk, archive, read\ng, alice, bob\ng, bob, alice\n");

        var result = await CliProcess.RunAsync(string.Empty, cyclic.Enforce("alice", "archive", "read"));

        Assert.Equal(2, result.ExitCode);
        // The location is one of the two links that close the cycle (lines 2 and 3).
        Assert.Matches($"^error: GAZ1301 {Regex.Escape(cyclic.PolicyPath)}:[23]:1: .*cycle", result.StandardError);
    }

    [Fact]
    public async Task Enforce_WhenPolicyFileMissing_ExitsTwo()
    {
        var missing = _files.PolicyPath + ".absent";

        var result = await CliProcess.RunAsync(string.Empty, ["enforce", "-m", _files.ModelPath, "-p", missing, "a", "b", "c"]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: GAZ1101 ", result.StandardError, StringComparison.Ordinal);
        Assert.Contains(missing, result.StandardError, StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();
}
