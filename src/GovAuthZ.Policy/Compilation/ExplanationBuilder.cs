using GovAuthZ.Policy.Effects;
using GovAuthZ.Policy.Parsing;

namespace GovAuthZ.Policy.Compilation;

/// <summary>Turns an outcome into an <see cref="Explanation"/>. Runs off the hot path, so it may allocate freely.</summary>
internal static class ExplanationBuilder
{
    public static Explanation Build(DecisionPlan plan, EnforceOutcome outcome, long revision)
    {
        var effect = EffectName(plan.Effect);
        if (outcome.Error is { } error)
        {
            return new Explanation(false, effect, null, "evaluation failed, so the request is denied: " + error.Detail, error.CodeId, revision);
        }

        // The same lookup the decision path uses, so Explain and Decide can never name different rules.
        var rule = outcome.TryGetRule(out var decided) ? decided.ToMatchedRule() : null;

        return new Explanation(outcome.Allowed, effect, rule, Reason(plan.Effect, outcome, rule), null, revision);
    }

    private static string Reason(EffectKind effect, EnforceOutcome outcome, MatchedRule? rule)
    {
        var ruleText = rule is null ? string.Empty : $"{rule.Type}, {string.Join(", ", rule.Fields)}";
        return (effect, outcome.Allowed, rule is null) switch
        {
            (_, true, false) => $"allowed by rule '{ruleText}' at {rule!.Location}",
            (_, false, false) => $"denied by rule '{ruleText}' at {rule!.Location}",
            (EffectKind.DenyOverride, true, true) => "allowed: no deny rule matched",
            (_, true, true) => "allowed: the matcher holds without policy rules",
            _ => "denied: no rule allows this request",
        };
    }

    private static string EffectName(EffectKind effect) => effect switch
    {
        EffectKind.AllowOverride => "allow-override",
        EffectKind.DenyOverride => "deny-override",
        EffectKind.AllowAndDeny => "allow-and-deny",
        EffectKind.Priority => "priority",
        _ => "subject-priority",
    };
}
