using GovAuthZ.Core.Errors;

namespace GovAuthZ.Policy.Parsing;

/// <summary>A policy effect such as <c>e = some(where (p.eft == allow))</c>, recognised as an <see cref="EffectKind"/>.</summary>
internal sealed class EffectDefinition
{
    public EffectDefinition(string key, EffectKind kind, string policyKey, ModelAssignment source)
    {
        Key = key;
        Kind = kind;
        PolicyKey = policyKey;
        Source = source;
    }

    public string Key { get; }

    public EffectKind Kind { get; }

    /// <summary>The policy type whose <c>eft</c> the effect reads (<c>p</c> in <c>p.eft</c>, <c>p2</c> in <c>p2.eft</c>).</summary>
    public string PolicyKey { get; }

    public ModelAssignment Source { get; }

    public SourceLocation Location => Source.Location;
}
