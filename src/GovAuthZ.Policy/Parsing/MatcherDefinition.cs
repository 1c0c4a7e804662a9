using GovAuthZ.Core.Errors;

namespace GovAuthZ.Policy.Parsing;

/// <summary>
/// A matcher such as <c>m = r.sub == p.sub</c>, kept as source text: the expression parser reads it later
/// and reports its errors through <see cref="LocationAt"/>.
/// </summary>
internal sealed class MatcherDefinition
{
    public MatcherDefinition(string key, ModelAssignment source)
    {
        Key = key;
        Source = source;
    }

    public string Key { get; }

    public string Expression => Source.Value;

    public ModelAssignment Source { get; }

    public SourceLocation Location => Source.Location;

    /// <summary>The file location of the character at <paramref name="offset"/> in <see cref="Expression"/>.</summary>
    public SourceLocation LocationAt(int offset) => Source.LocationAt(offset);
}
