using GovAuthZ.Policy.Evaluation;
using GovAuthZ.Policy.Evaluation.Nodes;
using GovAuthZ.Policy.Indexing;
using GovAuthZ.Policy.Parsing;

namespace GovAuthZ.Policy.Effects;

/// <summary>
/// Combines matching rules into a decision for each of the five Casbin effects. Every effect reduces to
/// "find the first matching rule with one of these effects", which the index answers without scanning:
/// allow-override needs the first allow, deny-override the first deny, allow-and-deny the first deny
/// and then the first allow, and the priority effects the first rule that allows or denies in their
/// (pre-sorted) rule order.
/// </summary>
internal static class EffectEvaluator
{
    public static EnforceOutcome Decide(EffectKind kind, ref EvalFrame frame, Node matcher, RuleIndex index, string[][] rules, RuleEffect[] effects)
    {
        switch (kind)
        {
            case EffectKind.AllowOverride:
            {
                var allow = index.FindFirst(ref frame, matcher, rules, effects, RuleEffect.Allow);
                return new EnforceOutcome(allow >= 0, allow, null);
            }

            case EffectKind.DenyOverride:
            {
                var deny = index.FindFirst(ref frame, matcher, rules, effects, RuleEffect.Deny);
                return new EnforceOutcome(deny < 0, deny, null);
            }

            case EffectKind.AllowAndDeny:
            {
                var deny = index.FindFirst(ref frame, matcher, rules, effects, RuleEffect.Deny);
                if (deny >= 0)
                {
                    return new EnforceOutcome(false, deny, null);
                }

                var allow = index.FindFirst(ref frame, matcher, rules, effects, RuleEffect.Allow);
                return new EnforceOutcome(allow >= 0, allow, null);
            }

            default:
            {
                // Priority and subject priority: rules are already in priority order, so the first rule
                // that allows or denies decides; no such rule means deny ("|| deny").
                var first = index.FindFirst(ref frame, matcher, rules, effects, RuleEffect.Allow | RuleEffect.Deny);
                return new EnforceOutcome(first >= 0 && effects[first] == RuleEffect.Allow, first, null);
            }
        }
    }

    /// <summary>
    /// The decision when the matcher reads no policy field or there are no rules: it is evaluated once and
    /// a true result counts as one matching allow, as in other Casbin implementations.
    /// </summary>
    public static EnforceOutcome DecideWithoutRules(EffectKind kind, bool matched) => kind switch
    {
        EffectKind.DenyOverride => new EnforceOutcome(true, -1, null),
        _ => new EnforceOutcome(matched, -1, null),
    };
}
