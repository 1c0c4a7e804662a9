using FsCheck.Fluent;
using FsCheck.Xunit;
using GovAuthZ.Policy.Effects;

namespace GovAuthZ.Policy.Tests.Properties;

/// <summary>
/// The indexed evaluator must decide every request exactly as a plain scan of every rule does: the same
/// allow or deny, the same deciding rule and the same failure, on random models, policies, role links and
/// requests of all five effects.
/// </summary>
public sealed class IndexAgreementPropertyTests
{
    private const int Scenarios = 4000;
    private const int Samples = 600;

    [Property(MaxTest = Scenarios, Arbitrary = [typeof(PolicyScenarioArbitraries)])]
    public void Decide_OnRandomModelPolicyAndRequests_AgreesWithReferenceScan(PolicyScenario scenario)
    {
        var enforcer = Enforcer.FromText(scenario.ModelText(), scenario.PolicyText());
        var plan = enforcer.PlanFor(EnforceContext.Default);
        foreach (var request in scenario.Requests)
        {
            var expected = ReferenceEvaluator.Decide(plan, scenario, request);
            Assert.Equal(expected, Observed(enforcer.Decide(request)));
        }
    }

    [Fact]
    public void ScenarioGen_WhenSampled_ReachesIndexedUnindexedAndFallbackPaths()
    {
        int roleIndexed = 0, fieldIndexed = 0, unindexed = 0, numbers = 0, allowed = 0, denied = 0;
        foreach (var scenario in PolicyScenarioArbitraries.PolicyScenario().Generator.Sample(Samples))
        {
            var enforcer = Enforcer.FromText(scenario.ModelText(), scenario.PolicyText());
            var index = enforcer.PlanFor(EnforceContext.Default).Index.Plan;
            roleIndexed += index.Role is null ? 0 : 1;
            fieldIndexed += index.Role is null && !index.IsEmpty ? 1 : 0;
            unindexed += index.IsEmpty ? 1 : 0;
            foreach (var request in scenario.Requests)
            {
                numbers += Array.Exists(request, value => !value.IsString) ? 1 : 0;
                var outcome = enforcer.Decide(request);
                allowed += outcome.Allowed ? 1 : 0;
                denied += outcome.Allowed ? 0 : 1;
            }
        }

        // Each path must be hit often enough that a property run of thousands of cases exercises it.
        Assert.All(new[] { roleIndexed, fieldIndexed, unindexed, numbers, allowed, denied }, count => Assert.True(count >= Samples / 20, $"only {count} samples"));
    }

    private static Verdict Observed(EnforceOutcome outcome) => new(outcome.Allowed, outcome.RulePosition, outcome.Error is not null);
}
