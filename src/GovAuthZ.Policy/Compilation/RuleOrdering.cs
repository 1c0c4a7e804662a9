using System.Globalization;
using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Parsing;
using GovAuthZ.Policy.Roles;

namespace GovAuthZ.Policy.Compilation;

/// <summary>
/// Puts rules in the order their effect reads them. With a priority column, rules sort by it (smaller
/// first) and keep file order among equals; the subject-priority effect puts rules whose subject sits
/// deeper in the role hierarchy (closer to users) first. Otherwise file order stands.
/// </summary>
internal static class RuleOrdering
{
    public static PolicyLine[] Order(PolicyDefinition policy, EffectKind effect, IReadOnlyList<PolicyLine> lines, RoleGraph? roles)
    {
        var ordered = new PolicyLine[lines.Count];
        for (var i = 0; i < ordered.Length; i++)
        {
            ordered[i] = lines[i];
        }

        if (policy.PriorityIndex >= 0)
        {
            var keys = PriorityKeys(policy, ordered);
            StableSort(ordered, keys);
        }
        else if (effect == EffectKind.SubjectPriority && roles is not null)
        {
            var keys = SubjectKeys(policy, ordered, roles);
            StableSort(ordered, keys);
        }

        return ordered;
    }

    private static long[] PriorityKeys(PolicyDefinition policy, PolicyLine[] lines)
    {
        var keys = new long[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Fields[policy.PriorityIndex];
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out keys[i]))
            {
                throw new GovAuthZException(
                    ErrorCode.PolicyInvalidValue,
                    $"priority '{text}' is not a whole number",
                    lines[i].Location);
            }
        }

        return keys;
    }

    private static long[] SubjectKeys(PolicyDefinition policy, PolicyLine[] lines, RoleGraph roles)
    {
        var subject = Math.Max(policy.IndexOf("sub"), 0);
        var domainField = policy.IndexOf("dom");
        var keys = new long[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var domain = domainField >= 0 ? lines[i].Fields[domainField] : null;
            // Deeper subjects come first, so the sort key is the negated depth.
            keys[i] = -roles.SubjectDepth(lines[i].Fields[subject], domain);
        }

        return keys;
    }

    private static void StableSort(PolicyLine[] lines, long[] keys)
    {
        var order = new int[lines.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (x, y) => keys[x] != keys[y] ? keys[x].CompareTo(keys[y]) : x.CompareTo(y));
        var copy = (PolicyLine[])lines.Clone();
        for (var i = 0; i < order.Length; i++)
        {
            lines[i] = copy[order[i]];
        }
    }
}
