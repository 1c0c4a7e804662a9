using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Evaluation;

namespace GovAuthZ.Policy.Tests.Properties;

/// <summary>
/// Minimal counterexamples found by <see cref="IndexAgreementPropertyTests"/>: a rule the index never looks
/// at (another bucket, or an effect the search does not want) would have failed the matcher, so a plain
/// scan in Casbin's order stops with an error (deny) while the indexed engine decides without it.
/// </summary>
public sealed class IndexErrorDivergenceTests
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
    public void Decide_WhenRuleInOtherBucketFailsBeforeItsPinnedConjunct_DeniesWithError() =>
        AssertMatchesReference(DenyOverride, "keyMatch(r.obj, p.obj) && r.act == p.act", "p, u1, o1, write, deny\n");

    [Fact]
    public void Decide_WhenRuleWithUnwantedEffectFails_DeniesWithError() =>
        AssertMatchesReference(DenyOverride, "keyMatch(r.obj, p.obj)", "p, u1, o1, read, allow\n");

    [Fact]
    public void Decide_WhenEarlierDenyRuleFailsUnderAllowOverride_DeniesWithError() =>
        AssertMatchesReference(AllowOverride, "r.sub == p.sub && (r.act == p.act || keyMatch(r.obj, p.obj))", "p, u1, o1, write, deny\np, u1, o1, read, allow\n");

    private static void AssertMatchesReference(string effect, string matcher, string policy)
    {
        var model = Model.Replace("{0}", effect, StringComparison.Ordinal).Replace("{1}", matcher, StringComparison.Ordinal);
        var enforcer = Enforcer.FromText(model, policy);
        var scenario = new PolicyScenario(false, true, PriorityColumn.None, effect, matcher, [], [], []);
        Value[] request = ["u1", Value.FromNumber(1), "read"];

        var expected = ReferenceEvaluator.Decide(enforcer.PlanFor(EnforceContext.Default), scenario, request);
        var outcome = enforcer.Decide(request);

        Assert.Equal(new Verdict(false, -1, true), expected);
        Assert.True(outcome.Error is not null, $"the engine decided allowed={outcome.Allowed} by rule {outcome.RulePosition} without an error");
        Assert.Equal(ErrorCode.EvalTypeMismatch, outcome.Error.Code);
        Assert.False(outcome.Allowed);
    }
}
