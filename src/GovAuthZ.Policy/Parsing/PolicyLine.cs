using GovAuthZ.Core.Errors;

namespace GovAuthZ.Policy.Parsing;

/// <summary>
/// One rule of a policy file: its type (<c>p</c>, <c>p2</c>, <c>g</c>...) and its fields, without the type.
/// Two lines are equal when they state the same rule; where a line was read from is not part of what it
/// says, so <see cref="Location"/> is left out of equality.
/// </summary>
internal readonly record struct PolicyLine(string Type, string[] Fields, SourceLocation Location)
{
    public bool Equals(PolicyLine other) =>
        string.Equals(Type, other.Type, StringComparison.Ordinal)
        && Fields.AsSpan().SequenceEqual(other.Fields);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Type);
        foreach (var field in Fields ?? [])
        {
            hash.Add(field);
        }

        return hash.ToHashCode();
    }

    /// <summary>The rule as one CSV line, without the line break.</summary>
    public override string ToString() => PolicyCsvWriter.Format(this);
}
