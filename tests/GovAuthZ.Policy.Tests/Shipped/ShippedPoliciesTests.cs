using System.Text.Json;
using System.Text.Json.Nodes;
using GovAuthZ.Policy.Evaluation;

namespace GovAuthZ.Policy.Tests.Shipped;

/// <summary>
/// Runs policies/tests/*.yaml against the shipped policies/model.conf and policies/policy.csv, and
/// checks that the cases and the policy agree with the catalog and the purposes.
/// </summary>
public sealed class ShippedPoliciesTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var name in ShippedPolicyFiles.TestFileNames())
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Enforce_WhenShippedCaseFileRuns_EveryCaseHolds(string name)
    {
        var enforcer = ShippedPolicyFiles.LoadEnforcer();
        var cases = ShippedPolicyFiles.LoadCases(name);
        var failures = new List<string>();
        foreach (var testCase in cases)
        {
            var outcome = enforcer.Decide(ToRequest(testCase.Request));
            var error = outcome.Error?.CodeId;
            if (outcome.Allowed != testCase.Expect || error != testCase.Error)
            {
                failures.Add($"{testCase.File}:{testCase.Line}: expected {testCase.Expect} {testCase.Error} but got {outcome.Allowed} {error} {outcome.Error?.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Cases_WhenFileIsRead_ShowBothAllowAndDeny(string name)
    {
        var cases = ShippedPolicyFiles.LoadCases(name);

        Assert.Contains(cases, c => !c.Expect);
        if (name != "evaluation-errors")
        {
            Assert.Contains(cases, c => c.Expect);
        }
    }

    [Fact]
    public void Policy_WhenEveryCaseIsExplained_EveryRuleDecidesAtLeastOneCase()
    {
        var enforcer = ShippedPolicyFiles.LoadEnforcer();
        var deciding = new HashSet<string>(StringComparer.Ordinal);
        foreach (var testCase in ShippedPolicyFiles.TestFileNames().SelectMany(ShippedPolicyFiles.LoadCases))
        {
            if (enforcer.Explain(ToRequest(testCase.Request)).Rule is { } rule)
            {
                deciding.Add(string.Join(", ", rule.Fields));
            }
        }

        var unused = enforcer.GetPolicy().Select(r => string.Join(", ", r)).Where(r => !deciding.Contains(r)).ToList();
        Assert.True(unused.Count == 0, "rules no case exercises:" + Environment.NewLine + string.Join(Environment.NewLine, unused));
    }

    [Fact]
    public void Cases_WhenDatasetIdIsInCatalog_CarryExactlyTheCatalogAttributes()
    {
        var catalog = ShippedCatalog.Load();
        var mismatches = new List<string>();
        var checkedCount = 0;
        foreach (var testCase in ShippedPolicyFiles.TestFileNames().SelectMany(ShippedPolicyFiles.LoadCases))
        {
            var obj = (JsonObject)testCase.Request[1]!;
            if (catalog.Datasets.FirstOrDefault(d => d.Id == (string?)obj["id"]) is not { } dataset)
            {
                continue;
            }

            checkedCount++;
            var expected = new JsonObject
            {
                ["id"] = dataset.Id, ["owner"] = dataset.Owner, ["region"] = dataset.Region,
                ["grade"] = dataset.Grade, ["pi"] = dataset.Pi, ["sharing"] = dataset.Sharing,
            };
            if (!JsonNode.DeepEquals(expected, obj))
            {
                mismatches.Add($"{testCase.File}:{testCase.Line}: {obj.ToJsonString()} differs from the catalog {expected.ToJsonString()}");
            }
        }

        Assert.True(checkedCount > 50, $"only {checkedCount} cases use catalog datasets");
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    [Fact]
    public void Policy_WhenLoaded_AllowRulesNameKnownPurposesAndDenyRulesNameKnownOrAll()
    {
        var purposes = ShippedCatalog.LoadPurposes().Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var rules = ShippedPolicyFiles.LoadEnforcer().GetPolicy();

        Assert.NotEmpty(rules);
        foreach (var rule in rules)
        {
            var purpose = rule[2];
            var known = purposes.Contains(purpose) || (rule[8] == "deny" && purpose == "*");
            Assert.True(known, $"rule '{string.Join(", ", rule)}' names unknown purpose '{purpose}'");
            Assert.Contains(rule[8], new[] { "allow", "deny" });
            Assert.Contains(rule[3], new[] { "own", "shared" });
        }
    }

    [Fact]
    public void Policy_WhenLoaded_AgreementsLinkKnownDepartments()
    {
        var departments = ShippedCatalog.Load().Departments.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var agreements = ShippedPolicyFiles.LoadEnforcer().GetNamedGroupingPolicy("g2");

        Assert.NotEmpty(agreements);
        foreach (var link in agreements)
        {
            Assert.Contains(link[0], departments);
            Assert.StartsWith("agreement:", link[1], StringComparison.Ordinal);
            Assert.Contains(link[1]["agreement:".Length..], departments);
            Assert.NotEqual(link[0], link[1]["agreement:".Length..]);
        }
    }

    private static Value[] ToRequest(JsonArray values)
    {
        var request = new Value[values.Count];
        for (var i = 0; i < request.Length; i++)
        {
            using var document = JsonDocument.Parse(values[i]!.ToJsonString());
            request[i] = AttributeObject.FromJson(document.RootElement);
        }

        return request;
    }
}
