using GovAuthZ.Core.Errors;

namespace GovAuthZ.Policy.Effects;

/// <summary>
/// The deciding rule of an <see cref="EnforceOutcome"/>: its policy type, its fields in the order of the
/// policy definition and where it was loaded from. A view over the immutable snapshot, not a copy, so
/// the decision path can name its rule without allocating; <see cref="ToMatchedRule"/> makes the
/// reference type that <see cref="Explanation"/> uses.
/// </summary>
public readonly struct DecidedRule
{
    private readonly string[]? _fields;

    internal DecidedRule(string type, string[] fields, SourceLocation location)
    {
        Type = type;
        _fields = fields;
        Location = location;
    }

    public string Type { get; }

    /// <summary>The rule's values; read-only, since the snapshot that owns them is shared by all threads.</summary>
    public ReadOnlySpan<string> Fields => _fields;

    public SourceLocation Location { get; }

    public MatchedRule ToMatchedRule() => new(Type, _fields ?? [], Location);
}
