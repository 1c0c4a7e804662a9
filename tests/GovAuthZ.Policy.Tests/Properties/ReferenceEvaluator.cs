using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Compilation;
using GovAuthZ.Policy.Evaluation;

namespace GovAuthZ.Policy.Tests.Properties;

/// <summary>What a decision came to: allowed or not, the deciding rule's position (-1 for none), and whether it failed.</summary>
public readonly record struct Verdict(bool Allowed, int RulePosition, bool Failed);

/// <summary>
/// The plainest evaluator that can decide a plan: no buckets, every rule in the plan's effective order,
/// the compiled matcher run on each, and the effect worked out here from the raw eft column. It applies
/// the engine's documented relevance rule directly: a search only evaluates rules whose effect it looks
/// for (deny first, then allow, for allow-and-deny) and that the pinned conjuncts (top-level equalities
/// of request and policy fields, and the subject of g()) do not rule out; pinned request values are
/// checked before any rule. A matcher error in a relevant rule is a failed deny.
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

        var pins = Pins.Of(root, ref frame);
        var eft = Array.IndexOf(scenario.PolicyTokens, "eft");
        switch (effect)
        {
            case Effect.AllowOverride:
                var allow = First(plan, pins, eft, ref frame, wantAllow: true, wantDeny: false);
                return new Verdict(allow >= 0, allow, false);
            case Effect.DenyOverride:
                var deny = First(plan, pins, eft, ref frame, wantAllow: false, wantDeny: true);
                return new Verdict(deny < 0, deny, false);
            case Effect.AllowAndDeny:
                var firstDeny = First(plan, pins, eft, ref frame, wantAllow: false, wantDeny: true);
                if (firstDeny >= 0)
                {
                    return new Verdict(false, firstDeny, false);
                }

                var firstAllow = First(plan, pins, eft, ref frame, wantAllow: true, wantDeny: false);
                return new Verdict(firstAllow >= 0, firstAllow, false);
            default:
                var first = First(plan, pins, eft, ref frame, wantAllow: true, wantDeny: true);
                return new Verdict(first >= 0 && IsAllow(plan.Rules[first], eft), first, false);
        }
    }

    private static int First(DecisionPlan plan, Pins pins, int eft, ref EvalFrame frame, bool wantAllow, bool wantDeny)
    {
        if (pins.NoCandidates)
        {
            return -1;
        }

        for (var i = 0; i < plan.Rules.Length; i++)
        {
            var rule = plan.Rules[i];
            var wanted = (wantAllow && IsAllow(rule, eft)) || (wantDeny && eft >= 0 && rule[eft] == "deny");
            if (!wanted || !pins.Admit(rule, frame.Request))
            {
                continue;
            }

            frame.Rule = rule;
            frame.RuleIndex = i;
            if (plan.Matcher.Root.EvaluateBool(ref frame))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsAllow(string[] rule, int eft) => eft < 0 || rule[eft] == "allow";

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
