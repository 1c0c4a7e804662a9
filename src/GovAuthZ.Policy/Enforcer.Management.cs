using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Compilation;
using GovAuthZ.Policy.Parsing;

namespace GovAuthZ.Policy;

/// <summary>The policy management API: add, remove, update and query rules and role links.</summary>
public sealed partial class Enforcer
{
    /// <summary>Every rule of the p type as written, in the order loaded or added.</summary>
    public IReadOnlyList<IReadOnlyList<string>> GetPolicy() => GetNamedPolicy("p");

    public IReadOnlyList<IReadOnlyList<string>> GetNamedPolicy(string type) => FieldsOfType(Current, type);

    public IReadOnlyList<IReadOnlyList<string>> GetGroupingPolicy() => GetNamedGroupingPolicy("g");

    public IReadOnlyList<IReadOnlyList<string>> GetNamedGroupingPolicy(string type) => FieldsOfType(Current, type);

    /// <summary>Rules whose fields from <paramref name="fieldIndex"/> on equal the values given; an empty value matches any.</summary>
    public IReadOnlyList<IReadOnlyList<string>> GetFilteredNamedPolicy(string type, int fieldIndex, params string[] values)
    {
        CheckFilter(fieldIndex, values);
        var result = new List<IReadOnlyList<string>>();
        foreach (var line in Current.Lines)
        {
            if (line.Type == type && FilterMatches(line.Fields, fieldIndex, values))
            {
                result.Add(line.Fields);
            }
        }

        return result;
    }

    public IReadOnlyList<IReadOnlyList<string>> GetFilteredPolicy(int fieldIndex, params string[] values) =>
        GetFilteredNamedPolicy("p", fieldIndex, values);

    public bool HasPolicy(params string[] rule) => HasNamedPolicy("p", rule);

    public bool HasNamedPolicy(string type, params string[] rule) => IndexOf(Current.Lines, type, rule) >= 0;

    public bool HasGroupingPolicy(params string[] link) => HasNamedPolicy("g", link);

    public bool AddPolicy(params string[] rule) => AddNamedPolicy("p", rule);

    public bool AddGroupingPolicy(params string[] link) => AddNamedPolicy("g", link);

    /// <summary>Adds a rule or role link of any type; false (and no new revision) if it is already there.</summary>
    public bool AddNamedPolicy(string type, params string[] rule) => AddNamedPolicies(type, [rule]);

    /// <summary>Adds several rules in one revision. Rules already present are skipped; false if none was new.</summary>
    public bool AddNamedPolicies(string type, IEnumerable<string[]> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return Mutate(lines =>
        {
            var added = false;
            foreach (var rule in rules)
            {
                Validate(type, rule);
                if (IndexOf(lines, type, rule) < 0)
                {
                    lines.Add(new PolicyLine(type, [.. rule], new SourceLocation(PolicyFile, 0, 0)));
                    added = true;
                }
            }

            return added;
        });
    }

    public bool RemovePolicy(params string[] rule) => RemoveNamedPolicy("p", rule);

    public bool RemoveGroupingPolicy(params string[] link) => RemoveNamedPolicy("g", link);

    public bool RemoveNamedPolicy(string type, params string[] rule) => Mutate(lines =>
    {
        var position = IndexOf(lines, type, rule);
        if (position < 0)
        {
            return false;
        }

        lines.RemoveAt(position);
        return true;
    });

    /// <summary>Removes every rule of a type whose fields from <paramref name="fieldIndex"/> on match; empty values match any.</summary>
    public bool RemoveFilteredNamedPolicy(string type, int fieldIndex, params string[] values)
    {
        CheckFilter(fieldIndex, values);
        return Mutate(lines => lines.RemoveAll(line => line.Type == type && FilterMatches(line.Fields, fieldIndex, values)) > 0);
    }

    public bool RemoveFilteredPolicy(int fieldIndex, params string[] values) => RemoveFilteredNamedPolicy("p", fieldIndex, values);

    public bool RemoveFilteredGroupingPolicy(int fieldIndex, params string[] values) => RemoveFilteredNamedPolicy("g", fieldIndex, values);

    /// <summary>Replaces one rule by another in place (keeping its position); false if the old one is absent.</summary>
    public bool UpdateNamedPolicy(string type, string[] oldRule, string[] newRule)
    {
        Validate(type, newRule);
        return Mutate(lines =>
        {
            var position = IndexOf(lines, type, oldRule);
            if (position < 0 || IndexOf(lines, type, newRule) >= 0)
            {
                return false;
            }

            lines[position] = lines[position] with { Fields = [.. newRule] };
            return true;
        });
    }

    public bool UpdatePolicy(string[] oldRule, string[] newRule) => UpdateNamedPolicy("p", oldRule, newRule);

    /// <summary>Replaces every rule and link with those in a CSV text; the old state stays if the text is invalid.</summary>
    public void LoadPolicy(string policyText)
    {
        ArgumentNullException.ThrowIfNull(policyText);
        var parsed = PolicyCsv.Read(policyText, PolicyFile);
        Mutate(lines =>
        {
            lines.Clear();
            lines.AddRange(parsed);
            return true;
        });
    }

    /// <summary>The rules and links as CSV: policy types first, then role types, each in its own order.</summary>
    public string SavePolicy() => PolicyCsv.Write(OrderedForSaving(Current));

    private static List<PolicyLine> OrderedForSaving(PolicySnapshot snapshot)
    {
        // Lines as written (not as normalised for evaluation), so an omitted eft column stays omitted.
        var ordered = new List<PolicyLine>(snapshot.Lines.Count);
        foreach (var type in snapshot.Model.Policies.Keys)
        {
            AddOfType(ordered, snapshot.Lines, type);
        }

        foreach (var type in snapshot.Model.Roles.Keys)
        {
            AddOfType(ordered, snapshot.Lines, type);
        }

        return ordered;
    }

    private static void AddOfType(List<PolicyLine> target, IReadOnlyList<PolicyLine> lines, string type)
    {
        foreach (var line in lines)
        {
            if (line.Type == type)
            {
                target.Add(line);
            }
        }
    }

    /// <summary>
    /// Applies a change to a copy of the lines and publishes the compiled result. Writers queue on one lock;
    /// readers keep using the old snapshot until the exchange, so they never see half a change.
    /// </summary>
    private bool Mutate(Func<List<PolicyLine>, bool> change)
    {
        lock (_writeLock)
        {
            var current = _snapshot;
            var lines = new List<PolicyLine>(current.Lines);
            if (!change(lines))
            {
                return false;
            }

            var next = SnapshotBuilder.Build(current.Model, lines, _options, current.Revision + 1);
            Interlocked.Exchange(ref _snapshot, next);
            return true;
        }
    }

    private void Validate(string type, string[] rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var model = Current.Model;
        if (!model.Policies.ContainsKey(type) && !model.Roles.ContainsKey(type))
        {
            throw new GovAuthZException(ErrorCode.ManagementUnknownType, $"the model defines no '{type}'");
        }

        foreach (var field in rule)
        {
            if (field is null)
            {
                throw new GovAuthZException(ErrorCode.ManagementInvalidRule, $"a '{type}' rule has a null field");
            }
        }
    }

    private static int IndexOf(IReadOnlyList<PolicyLine> lines, string type, string[] rule)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Type == type && lines[i].Fields.AsSpan().SequenceEqual(rule))
            {
                return i;
            }
        }

        return -1;
    }

    // FilterMatches indexes fields[fieldIndex + i]: a negative index would fault mid-change with an
    // IndexOutOfRangeException, so bad arguments are rejected before any rule is looked at.
    private static void CheckFilter(int fieldIndex, string[] values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fieldIndex);
        ArgumentNullException.ThrowIfNull(values);
        if (Array.IndexOf(values, null) >= 0)
        {
            throw new ArgumentException("a filter value is null; use an empty string to match any value", nameof(values));
        }
    }

    private static bool FilterMatches(string[] fields, int fieldIndex, string[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var at = fieldIndex + i;
            if (values[i].Length > 0 && (at >= fields.Length || fields[at] != values[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static List<IReadOnlyList<string>> FieldsOfType(PolicySnapshot snapshot, string type)
    {
        var result = new List<IReadOnlyList<string>>();
        foreach (var line in snapshot.Lines)
        {
            if (line.Type == type)
            {
                result.Add(line.Fields);
            }
        }

        return result;
    }
}
