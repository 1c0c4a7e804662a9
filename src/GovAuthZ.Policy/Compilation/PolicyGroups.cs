using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Parsing;

namespace GovAuthZ.Policy.Compilation;

/// <summary>
/// Policy lines checked against the model and grouped by type (p, p2, g, ...), in file order. A line of an
/// undefined type or with the wrong number of fields rejects the whole load with its location.
/// </summary>
internal sealed class PolicyGroups
{
    private readonly Dictionary<string, List<PolicyLine>> _groups = new(StringComparer.Ordinal);

    private PolicyGroups()
    {
    }

    public IReadOnlyList<PolicyLine> this[string type] =>
        _groups.TryGetValue(type, out var list) ? list : [];

    public static PolicyGroups From(ModelDefinition model, IEnumerable<PolicyLine> lines)
    {
        var groups = new PolicyGroups();
        foreach (var line in lines)
        {
            var normalized = Check(model, line);
            if (!groups._groups.TryGetValue(line.Type, out var list))
            {
                list = [];
                groups._groups.Add(line.Type, list);
            }

            list.Add(normalized);
        }

        return groups;
    }

    private static PolicyLine Check(ModelDefinition model, PolicyLine line)
    {
        if (model.Policies.TryGetValue(line.Type, out var policy))
        {
            return CheckPolicy(policy, line);
        }

        if (model.Roles.TryGetValue(line.Type, out var role))
        {
            if (line.Fields.Length != role.Arity)
            {
                throw new GovAuthZException(
                    ErrorCode.PolicyFieldCount,
                    $"'{line.Type}' links take {role.Arity} fields but this line has {line.Fields.Length}",
                    line.Location);
            }

            return line;
        }

        throw new GovAuthZException(
            ErrorCode.PolicyUnknownType,
            $"the model defines no '{line.Type}' (policy types: {string.Join(", ", model.Policies.Keys)}; role types: {string.Join(", ", model.Roles.Keys)})",
            line.Location);
    }

    private static PolicyLine CheckPolicy(PolicyDefinition policy, PolicyLine line)
    {
        var expected = policy.Tokens.Length;
        if (line.Fields.Length == expected)
        {
            return line;
        }

        // A rule may leave out a trailing eft column; it then allows, as rules without eft do.
        if (line.Fields.Length == expected - 1 && policy.EffectIndex == expected - 1)
        {
            return line with { Fields = [.. line.Fields, "allow"] };
        }

        throw new GovAuthZException(
            ErrorCode.PolicyFieldCount,
            $"'{line.Type}' rules take {expected} fields ({string.Join(", ", policy.Tokens)}) but this line has {line.Fields.Length}",
            line.Location);
    }
}
