using System.Collections.Frozen;
using System.Globalization;
using GovAuthZ.Core.Errors;

namespace GovAuthZ.Policy.Roles;

/// <summary>
/// Turns the links that apply in one domain into a <see cref="DomainGraph"/>: interns names, rejects
/// cycles, applies name patterns and precomputes every known name's closure.
/// </summary>
internal static class DomainGraphCompiler
{
    /// <param name="links">The links in force in the domain, in insertion order.</param>
    /// <param name="isLiteral">Per link: written in this very domain rather than via a domain pattern.</param>
    /// <param name="domain">The domain, for messages; null for a two-field <c>g</c>.</param>
    /// <param name="warnings">Receives one line per truncated subject; null when nobody will read it.</param>
    /// <param name="rejectCycles">False for graphs merged at request time, which must never throw.</param>
    public static DomainGraph Compile(
        IReadOnlyList<RoleLink> links,
        IReadOnlyList<bool> isLiteral,
        string? domain,
        RoleGraphSettings settings,
        List<string>? warnings,
        bool rejectCycles)
    {
        var shape = new GraphShape(links, isLiteral);
        if (rejectCycles)
        {
            ThrowOnCycle(shape, domain);
        }

        var patternSources = PatternSources(shape.OwnRoles);
        var directRoles = settings.NameMatcher is null
            ? shape.OwnRoles
            : ExpandPatterns(shape.Names, shape.OwnRoles, patternSources, settings.NameMatcher);
        var closures = ComputeClosures(shape.Names, directRoles, settings.MaxDepth, domain, warnings);
        var depths = shape.HasLiteralLinks ? HierarchyLevels.Compute(shape.LiteralRoles) : null;
        var parts = new DomainGraphParts(
            shape.Ids.ToFrozenDictionary(StringComparer.Ordinal),
            shape.Names,
            shape.OwnRoles,
            directRoles,
            patternSources,
            closures,
            depths);
        return new DomainGraph(parts, settings, isOwnOnly: shape.AllLiteral);
    }

    private static void ThrowOnCycle(GraphShape shape, string? domain)
    {
        var cycle = CycleDetector.FindCycle(shape.OwnRoles);
        if (cycle is null)
        {
            return;
        }

        var path = new string[cycle.Length];
        for (var i = 0; i < cycle.Length; i++)
        {
            path[i] = shape.Names[cycle[i]];
        }

        var where = domain is null ? string.Empty : $" in domain '{domain}'";
        throw new GovAuthZException(
            ErrorCode.RoleCycle,
            $"role cycle: {string.Join(" -> ", path)}{where}",
            shape.LocationOf(cycle[0], cycle[1]));
    }

    private static int[] PatternSources(int[][] ownRoles)
    {
        var sources = new List<int>();
        for (var node = 0; node < ownRoles.Length; node++)
        {
            if (ownRoles[node].Length > 0)
            {
                sources.Add(node);
            }
        }

        return [.. sources];
    }

    // Casbin semantics: a name matched by a pattern name (keyMatch2("/book/1", "/book/:id")) has every
    // role the pattern has, in addition to its own.
    private static int[][] ExpandPatterns(
        string[] names, int[][] ownRoles, int[] patternSources, Func<string, string, bool> matcher)
    {
        var result = new int[names.Length][];
        var seen = new int[names.Length];
        var buffer = new List<int>();
        for (var node = 0; node < names.Length; node++)
        {
            buffer.Clear();
            var stamp = node + 1;
            seen[node] = stamp;
            AppendUnseen(buffer, ownRoles[node], seen, stamp);
            foreach (var pattern in patternSources)
            {
                if (pattern != node && matcher(names[node], names[pattern]))
                {
                    AppendUnseen(buffer, ownRoles[pattern], seen, stamp);
                }
            }

            result[node] = buffer.Count == ownRoles[node].Length ? ownRoles[node] : [.. buffer];
        }

        return result;
    }

    private static void AppendUnseen(List<int> buffer, int[] roles, int[] seen, int stamp)
    {
        foreach (var role in roles)
        {
            if (seen[role] != stamp)
            {
                seen[role] = stamp;
                buffer.Add(role);
            }
        }
    }

    // Names with the same direct roles in the same order share one closure instance, unless the name sits
    // inside that closure itself (only possible through a pattern cycle), where its own must exclude it.
    private static RoleClosure[] ComputeClosures(
        string[] names, int[][] directRoles, int maxDepth, string? domain, List<string>? warnings)
    {
        var computer = new ClosureComputer(names, directRoles, maxDepth);
        var shared = new Dictionary<int[], RoleClosure>(IntSequenceComparer.Instance);
        var closures = new RoleClosure[names.Length];
        for (var node = 0; node < names.Length; node++)
        {
            var direct = directRoles[node];
            if (direct.Length == 0)
            {
                closures[node] = RoleClosure.Empty;
                continue;
            }

            if (!shared.TryGetValue(direct, out var closure))
            {
                closure = computer.Compute(direct, exclude: -1);
                shared.Add(direct, closure);
            }

            closures[node] = closure.ContainsId(node) ? computer.Compute(direct, exclude: node) : closure;
            if (closures[node].IsTruncated && warnings is not null)
            {
                warnings.Add(TruncationWarning(names[node], domain, maxDepth));
            }
        }

        return closures;
    }

    private static string TruncationWarning(string name, string? domain, int maxDepth)
    {
        var where = domain is null ? string.Empty : $" in domain '{domain}'";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"role hierarchy of '{name}'{where} is deeper than {maxDepth} levels; links beyond level {maxDepth} are not followed");
    }
}
