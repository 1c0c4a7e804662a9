using System.Collections.Immutable;
using GovAuthZ.Core.Errors;

namespace GovAuthZ.Policy.Parsing;

/// <summary>A request definition such as <c>r = sub, obj, act</c>: the names and order of request values.</summary>
internal sealed class RequestDefinition
{
    public RequestDefinition(string key, ImmutableArray<string> tokens, ModelAssignment source)
    {
        Key = key;
        Tokens = tokens;
        Source = source;
    }

    public string Key { get; }

    public ImmutableArray<string> Tokens { get; }

    public ModelAssignment Source { get; }

    public SourceLocation Location => Source.Location;

    /// <summary>The position of a token, or -1.</summary>
    public int IndexOf(string token) => Tokens.IndexOf(token, StringComparer.Ordinal);
}
