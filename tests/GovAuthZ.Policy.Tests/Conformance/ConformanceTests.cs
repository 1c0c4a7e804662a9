using System.Text.Json;
using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Evaluation;
using GovAuthZ.Tests.Shared.Conformance;

namespace GovAuthZ.Policy.Tests.Conformance;

/// <summary>Runs every case of the YAML conformance corpus against the engine in-process.</summary>
public sealed class ConformanceTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var name in ConformanceCorpus.FileNames())
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void Corpus_WhenListed_HasFilesToRun()
    {
        Assert.NotEmpty(ConformanceCorpus.FileNames());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Enforce_WhenCorpusFileRuns_EveryCaseHolds(string name)
    {
        var file = ConformanceCorpus.Load(name);
        if (file.LoadError is { } expectedCode)
        {
            var error = Assert.Throws<GovAuthZException>(() => Create(file));
            Assert.Equal(expectedCode, error.CodeId);
            return;
        }

        var enforcer = Create(file);
        var failures = new List<string>();
        foreach (var testCase in file.Cases)
        {
            var failure = Check(enforcer, file, testCase);
            if (failure is not null)
            {
                failures.Add($"{file.Path}:{testCase.Line}: {testCase.Request.ToJsonString()} {failure}");
            }
        }

        Assert.True(file.Cases.Count > 0, $"{file.Path} has no cases");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    internal static Enforcer Create(ConformanceFile file)
    {
        var options = new EnforcerOptions
        {
            MaxRoleDepth = file.MaxDepth ?? 10,
            RoleNameMatchers = file.RoleMatchers,
            RoleDomainMatchers = file.DomainMatchers,
        };
        return Enforcer.FromText(file.Model, file.Policy, options, file.Name + "/model.conf", file.Name + "/policy.csv");
    }

    private static string? Check(Enforcer enforcer, ConformanceFile file, ConformanceCase testCase)
    {
        var request = new Value[testCase.Request.Count];
        for (var i = 0; i < request.Length; i++)
        {
            using var document = JsonDocument.Parse(testCase.Request[i]!.ToJsonString());
            request[i] = AttributeObject.FromJson(document.RootElement);
        }

        var context = testCase.Context ?? file.Context;
        var outcome = context is null
            ? enforcer.Decide(request)
            : enforcer.Decide(new EnforceContext(context[0], context[1], context[2], context[3]), request);
        var error = outcome.Error?.CodeId;
        if (outcome.Allowed != testCase.Expect)
        {
            return $"expected {testCase.Expect} but got {outcome.Allowed}" + (error is null ? string.Empty : $" ({outcome.Error!.Message})");
        }

        return testCase.Error == error ? null : $"expected error {testCase.Error ?? "none"} but got {error ?? "none"} {outcome.Error?.Message}";
    }
}
