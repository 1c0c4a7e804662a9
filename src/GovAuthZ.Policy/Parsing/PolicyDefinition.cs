using System.Collections.Immutable;
using GovAuthZ.Core.Errors;

namespace GovAuthZ.Policy.Parsing;

/// <summary>
/// A policy definition such as <c>p = sub, obj, act, eft</c>: the names and order of a rule's fields. Two
/// token names are special in Casbin: <c>eft</c> holds a rule's effect (allow when absent) and
/// <c>priority</c> its explicit priority.
/// </summary>
internal sealed class PolicyDefinition
{
    public const string EffectToken = "eft";
    public const string PriorityToken = "priority";

    public PolicyDefinition(string key, ImmutableArray<string> tokens, ModelAssignment source)
    {
        Key = key;
        Tokens = tokens;
        Source = source;
        EffectIndex = IndexOf(EffectToken);
        PriorityIndex = IndexOf(PriorityToken);
    }

    public string Key { get; }

    public ImmutableArray<string> Tokens { get; }

    public ModelAssignment Source { get; }

    public SourceLocation Location => Source.Location;

    /// <summary>The field that holds the rule's effect, or -1 (every rule then allows).</summary>
    public int EffectIndex { get; }

    /// <summary>The field that holds the rule's explicit priority, or -1.</summary>
    public int PriorityIndex { get; }

    public int IndexOf(string token) => Tokens.IndexOf(token, StringComparer.Ordinal);
}
