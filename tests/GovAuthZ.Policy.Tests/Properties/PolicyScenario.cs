using System.Globalization;
using System.Text;
using GovAuthZ.Policy.Evaluation;

namespace GovAuthZ.Policy.Tests.Properties;

/// <summary>Where a generated policy definition puts its priority column, if it has one.</summary>
public enum PriorityColumn
{
    None,
    First,
    Last,
}

/// <summary>One generated policy rule; Domain is ignored without a dom column, Effect without an eft column.</summary>
public sealed record ScenarioRule(string Subject, string Domain, string Obj, string Act, string Effect, int Priority);

/// <summary>One generated role link; Domain is ignored when the model has no domains.</summary>
public sealed record ScenarioLink(string Member, string Role, string Domain);

/// <summary>
/// A generated model, its policy and role links, and requests to decide. Kept structured (not as text) so a
/// failing case shrinks by dropping rules, links and requests; <see cref="ToString"/> prints the texts.
/// </summary>
public sealed record PolicyScenario(
    bool HasDomain,
    bool HasEffectColumn,
    PriorityColumn Priority,
    string EffectExpression,
    string Matcher,
    ScenarioRule[] Rules,
    ScenarioLink[] Links,
    Value[][] Requests)
{
    /// <summary>The policy definition's tokens, in column order.</summary>
    public string[] PolicyTokens
    {
        get
        {
            var tokens = new List<string>();
            if (Priority == PriorityColumn.First)
            {
                tokens.Add("priority");
            }

            tokens.Add("sub");
            if (HasDomain)
            {
                tokens.Add("dom");
            }

            tokens.AddRange(["obj", "act"]);
            if (HasEffectColumn)
            {
                tokens.Add("eft");
            }

            if (Priority == PriorityColumn.Last)
            {
                tokens.Add("priority");
            }

            return [.. tokens];
        }
    }

    public string ModelText()
    {
        var request = HasDomain ? "sub, dom, obj, act" : "sub, obj, act";
        var role = HasDomain ? "_, _, _" : "_, _";
        return string.Join(
            '\n',
            "[request_definition]",
            "r = " + request,
            "[policy_definition]",
            "p = " + string.Join(", ", PolicyTokens),
            "[role_definition]",
            "g = " + role,
            "[policy_effect]",
            "e = " + EffectExpression,
            "[matchers]",
            "m = " + Matcher,
            string.Empty);
    }

    public string PolicyText()
    {
        var text = new StringBuilder();
        foreach (var rule in Rules)
        {
            text.Append('p');
            foreach (var token in PolicyTokens)
            {
                text.Append(", ").Append(FieldOf(rule, token));
            }

            text.Append('\n');
        }

        foreach (var link in Links)
        {
            text.Append("g, ").Append(link.Member).Append(", ").Append(link.Role);
            text.Append(HasDomain ? ", " + link.Domain : string.Empty).Append('\n');
        }

        return text.ToString();
    }

    public override string ToString()
    {
        var requests = new StringBuilder();
        foreach (var request in Requests)
        {
            requests.Append("\n  (").Append(string.Join(", ", request.Select(Describe))).Append(')');
        }

        return $"\n--- model ---\n{ModelText()}--- policy ---\n{PolicyText()}--- requests ---{requests}\n";
    }

    private static string FieldOf(ScenarioRule rule, string token) => token switch
    {
        "priority" => rule.Priority.ToString(CultureInfo.InvariantCulture),
        "sub" => rule.Subject,
        "dom" => rule.Domain,
        "obj" => rule.Obj,
        "act" => rule.Act,
        _ => rule.Effect,
    };

    private static string Describe(Value value) => value.AsString() is { } text ? text : "<" + value + ">";
}
