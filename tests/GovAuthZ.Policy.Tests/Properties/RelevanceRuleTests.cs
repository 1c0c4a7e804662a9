using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Evaluation;

namespace GovAuthZ.Policy.Tests.Properties;

/// <summary>
/// The documented relevance rule: only rules that could change a decision are evaluated, so an error in a
/// rule that cannot (an effect the search does not look for, or a rule a pinned conjunct rules out) does
/// not deny, while an error in a rule that could always does. These were the first counterexamples the
/// agreement property found against a plain Casbin-order scan; the rule now makes errors independent of
/// the index, and the reference applies it.
/// </summary>
public sealed class RelevanceRuleTests
{
    private const string Model = """
        [request_definition]
        r = sub, obj, act
        [policy_definition]
        p = sub, obj, act, eft
        [role_definition]
        g = _, _
        [policy_effect]
        e = {0}
        [matchers]
        m = {1}
        """;

    private const string DenyOverride = "!some(where (p.eft == deny))";
    private const string AllowOverride = "some(where (p.eft == allow))";

    [Fact]
    public void Decide_WhenFailingRuleIsRuledOutByPinnedConjunct_DecidesWithoutError() =>
        AssertDecision(DenyOverride, "keyMatch(r.obj, p.obj) && r.act == p.act", "p, u1, o1, write, deny\n", new Verdict(true, -1, false));

    [Fact]
    public void Decide_WhenFailingRuleHasUnwantedEffect_DecidesWithoutError() =>
        AssertDecision(DenyOverride, "keyMatch(r.obj, p.obj)", "p, u1, o1, read, allow\n", new Verdict(true, -1, false));

    [Fact]
    public void Decide_WhenEarlierDenyRuleFailsUnderAllowOverride_AllowsByLaterRule() =>
        AssertDecision(AllowOverride, "r.sub == p.sub && (r.act == p.act || keyMatch(r.obj, p.obj))", "p, u1, o1, write, deny\np, u1, o1, read, allow\n", new Verdict(true, 1, false));

    [Fact]
    public void Decide_WhenRelevantDenyRuleFails_DeniesWithError() =>
        AssertDecision(DenyOverride, "keyMatch(r.obj, p.obj) && r.act == p.act", "p, u1, o1, read, deny\n", new Verdict(false, -1, true));

    [Fact]
    public void Decide_WhenRelevantAllowRuleFails_DeniesWithError() =>
        AssertDecision(AllowOverride, "r.sub == p.sub && keyMatch(r.obj, p.obj)", "p, u1, o1, read, allow\n", new Verdict(false, -1, true));

    private static void AssertDecision(string effect, string matcher, string policy, Verdict expected)
    {
        var model = Model.Replace("{0}", effect, StringComparison.Ordinal).Replace("{1}", matcher, StringComparison.Ordinal);
        var enforcer = Enforcer.FromText(model, policy);
        var scenario = new PolicyScenario(false, true, PriorityColumn.None, effect, matcher, [], [], []);
        Value[] request = ["u1", Value.FromNumber(1), "read"];

        var reference = ReferenceEvaluator.Decide(enforcer.PlanFor(EnforceContext.Default), scenario, request);
        var outcome = enforcer.Decide(request);

        Assert.Equal(expected, reference);
        Assert.Equal(expected, new Verdict(outcome.Allowed, outcome.RulePosition, outcome.Error is not null));
        if (expected.Failed)
        {
            Assert.Equal(ErrorCode.EvalTypeMismatch, outcome.Error!.Code);
        }
    }
}
