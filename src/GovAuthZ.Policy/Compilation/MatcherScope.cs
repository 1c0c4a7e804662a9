using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Evaluation;
using GovAuthZ.Policy.Functions;

namespace GovAuthZ.Policy.Compilation;

/// <summary>A role definition (g, g2, ...) as a matcher sees it: its links and how many arguments it takes.</summary>
internal sealed record RoleBinding(IRoleLinks Links, int Arity);

/// <summary>The names a matcher may use: one request definition, one policy definition, roles, functions.</summary>
internal sealed record MatcherScope
{
    public required string RequestKey { get; init; }

    public required IReadOnlyList<string> RequestTokens { get; init; }

    public required string PolicyKey { get; init; }

    public required IReadOnlyList<string> PolicyTokens { get; init; }

    public required IReadOnlyDictionary<string, RoleBinding> Roles { get; init; }

    public required FunctionRegistry Functions { get; init; }

    /// <summary>Maps an offset in the matcher text to its place in the file, so errors point into it.</summary>
    public Func<int, SourceLocation> Locate { get; init; } = static _ => SourceLocation.None;
}
