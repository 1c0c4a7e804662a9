using System.Text;
using GovAuthZ.Cli.Tests.Driver;
using GovAuthZ.Tests.Shared.Conformance;

namespace GovAuthZ.Cli.Tests.Conformance;

/// <summary>
/// Runs every case of the YAML conformance corpus through the real <c>govauthz enforce --batch</c>
/// process: one process per file and enforce context, one JSON line per case.
/// </summary>
public sealed class CliConformanceTests
{
    // A request of the wrong shape is bad input to the batch command, answered with its error line.
    private const string ArityError = "GAZ1405";

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var name in ConformanceCorpus.FileNames())
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task EnforceBatch_WhenCorpusFileRuns_EveryCaseHolds(string name)
    {
        var file = ConformanceCorpus.Load(name);
        using var files = new PolicyFiles(file.Model, file.Policy);
        if (file.LoadError is { } expectedCode)
        {
            var result = await CliProcess.RunAsync(string.Empty, [.. files.Enforce(Options(file, null)), "--batch"]);
            Assert.True(result.ExitCode == 2, $"{file.Path}: expected exit status 2 but got {result.ExitCode}; stderr: {result.StandardError}");
            Assert.Contains("error: " + expectedCode, result.StandardError, StringComparison.Ordinal);
            return;
        }

        Assert.True(file.Cases.Count > 0, $"{file.Path} has no cases");
        var failures = new List<string>();
        foreach (var group in file.Cases.GroupBy(c => ContextKey(c.Context ?? file.Context), StringComparer.Ordinal))
        {
            failures.AddRange(await RunGroupAsync(file, files, [.. group]));
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static async Task<List<string>> RunGroupAsync(ConformanceFile file, PolicyFiles files, ConformanceCase[] cases)
    {
        var input = new StringBuilder();
        foreach (var testCase in cases)
        {
            input.Append(testCase.Request.ToJsonString()).Append('\n');
        }

        var context = cases[0].Context ?? file.Context;
        var result = await CliProcess.RunAsync(input.ToString(), [.. files.Enforce(Options(file, context)), "--batch"]);
        var failures = new List<string>();
        var lines = result.Lines;
        if (lines.Length != cases.Length)
        {
            failures.Add($"{file.Path}: {cases.Length} requests but {lines.Length} answers (exit {result.ExitCode}); stderr: {result.StandardError}");
            return failures;
        }

        var anyArityCase = false;
        for (var i = 0; i < cases.Length; i++)
        {
            var expected = Expected(cases[i]);
            anyArityCase |= cases[i].Error == ArityError;
            if (!lines[i].StartsWith(expected, StringComparison.Ordinal) || (expected is "true" or "false" && lines[i] != expected))
            {
                failures.Add($"{file.Path}:{cases[i].Line}: {cases[i].Request.ToJsonString()} expected '{expected}' but got '{lines[i]}'");
            }
        }

        var expectedExit = anyArityCase ? 1 : 0;
        if (result.ExitCode != expectedExit)
        {
            failures.Add($"{file.Path}: context {ContextKey(context)} expected exit status {expectedExit} but got {result.ExitCode}; stderr: {result.StandardError}");
        }

        return failures;
    }

    private static string Expected(ConformanceCase testCase) =>
        testCase.Error == ArityError ? "error: " + ArityError + " " : testCase.Expect ? "true" : "false";

    private static string[] Options(ConformanceFile file, string[]? context)
    {
        var options = new List<string>();
        if (file.MaxDepth is { } depth)
        {
            options.AddRange(["--max-depth", depth.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        foreach (var (key, function) in file.RoleMatchers)
        {
            options.AddRange(["--role-matcher", key + "=" + function]);
        }

        foreach (var (key, function) in file.DomainMatchers)
        {
            options.AddRange(["--domain-matcher", key + "=" + function]);
        }

        if (context is not null)
        {
            options.AddRange(["--context", string.Join(',', context)]);
        }

        return [.. options];
    }

    private static string ContextKey(string[]? context) => context is null ? "r,p,e,m" : string.Join(',', context);
}
