using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Compilation;
using GovAuthZ.Policy.Evaluation;

namespace GovAuthZ.Policy.Tests.Properties;

/// <summary>What a decision came to: allowed or not, the deciding rule's position (-1 for none), and whether it failed.</summary>
public readonly record struct Verdict(bool Allowed, int RulePosition, bool Failed);

/// <summary>
/// The plainest evaluator that can decide a plan: no index, every rule in the plan's effective order, the
/// compiled matcher run on each, and the effect worked out here from the raw eft column. It stops where
/// Casbin stops (the first rule that settles the effect) and turns a matcher error into a failed deny,
/// so the index may skip rules only where skipping cannot change what this scan reports.
/// </summary>
internal static class ReferenceEvaluator
{
    private enum Effect
    {
        AllowOverride,
        DenyOverride,
        AllowAndDeny,
        Priority,
    }

    public static Verdict Decide(DecisionPlan plan, PolicyScenario scenario, Value[] request)
    {
        try
        {
            return Scan(plan, scenario, request);
        }
        catch (GovAuthZException)
        {
            return new Verdict(false, -1, true);
        }
    }

    private static Verdict Scan(DecisionPlan plan, PolicyScenario scenario, Value[] request)
    {
        var effect = EffectOf(scenario.EffectExpression);
        var frame = new EvalFrame(request);
        var root = plan.Matcher.Root;
        if (!plan.Matcher.UsesPolicy || plan.Rules.Length == 0)
        {
            // Casbin evaluates such a matcher once with empty policy fields; true counts as one allow.
            var empty = new string[scenario.PolicyTokens.Length];
            Array.Fill(empty, string.Empty);
            frame.Rule = empty;
            var matched = root.EvaluateBool(ref frame);
            return new Verdict(effect == Effect.DenyOverride || matched, -1, false);
        }

        var eft = Array.IndexOf(scenario.PolicyTokens, "eft");
        var firstAllow = -1;
        for (var i = 0; i < plan.Rules.Length; i++)
        {
            frame.Rule = plan.Rules[i];
            frame.RuleIndex = i;
            if (!root.EvaluateBool(ref frame))
            {
                continue;
            }

            var allow = eft < 0 || plan.Rules[i][eft] == "allow";
            var deny = eft >= 0 && plan.Rules[i][eft] == "deny";
            switch (effect)
            {
                case Effect.AllowOverride when allow:
                    return new Verdict(true, i, false);
                case Effect.DenyOverride or Effect.AllowAndDeny when deny:
                    return new Verdict(false, i, false);
                case Effect.AllowAndDeny when allow && firstAllow < 0:
                    firstAllow = i;
                    break;
                case Effect.Priority when allow || deny:
                    return new Verdict(allow, i, false);
            }
        }

        return effect switch
        {
            Effect.DenyOverride => new Verdict(true, -1, false),
            Effect.AllowAndDeny => new Verdict(firstAllow >= 0, firstAllow, false),
            _ => new Verdict(false, -1, false),
        };
    }

    /// <summary>Subject priority decides like priority: the plan's order already puts deeper subjects first.</summary>
    private static Effect EffectOf(string expression) => expression switch
    {
        "some(where (p.eft == allow))" => Effect.AllowOverride,
        "!some(where (p.eft == deny))" => Effect.DenyOverride,
        "some(where (p.eft == allow)) && !some(where (p.eft == deny))" => Effect.AllowAndDeny,
        "priority(p.eft) || deny" or "subjectPriority(p.eft) || deny" => Effect.Priority,
        _ => throw new ArgumentException("unknown effect " + expression, nameof(expression)),
    };
}
