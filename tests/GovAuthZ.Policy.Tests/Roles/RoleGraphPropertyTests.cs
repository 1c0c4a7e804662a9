using FsCheck;
using FsCheck.Xunit;
using GovAuthZ.Policy.Roles;

namespace GovAuthZ.Policy.Tests.Roles;

/// <summary>
/// Compares the compiled graph with a naive breadth-first search over the raw links, on random acyclic
/// graphs (links only go from a lower-numbered name to a higher one) spread over two domains.
/// </summary>
public sealed class RoleGraphPropertyTests
{
    private const int NameCount = 12;
    private static readonly string[] Domains = ["d0", "d1"];

    [Property(MaxTest = 300)]
    public bool GetClosure_OnRandomAcyclicGraph_MatchesReferenceSearch(byte[] raw, byte depthSeed)
    {
        var maxDepth = 1 + (depthSeed % 6);
        var links = RandomLinks(raw);
        var graph = Build(links, maxDepth);
        foreach (var domain in Domains)
        {
            for (var n = 0; n < NameCount; n++)
            {
                var expected = ReferenceClosure(links, Name(n), domain, maxDepth);
                var actual = RoleGraphs.Describe(graph.GetClosure(Name(n), domain));
                if (!expected.SequenceEqual(actual))
                {
                    return false;
                }
            }
        }

        return true;
    }

    [Property(MaxTest = 300)]
    public bool HasLink_OnRandomAcyclicGraph_MatchesReferenceSearch(byte[] raw, byte depthSeed)
    {
        var maxDepth = 1 + (depthSeed % 6);
        var links = RandomLinks(raw);
        var graph = Build(links, maxDepth);
        foreach (var domain in Domains)
        {
            for (var from = 0; from < NameCount; from++)
            {
                var reachable = ReferenceClosure(links, Name(from), domain, maxDepth)
                    .Select(entry => entry[..entry.IndexOf(':', StringComparison.Ordinal)])
                    .ToHashSet(StringComparer.Ordinal);
                for (var to = 0; to < NameCount; to++)
                {
                    var expected = from == to || reachable.Contains(Name(to));
                    if (graph.HasLink(Name(from), Name(to), domain) != expected)
                    {
                        return false;
                    }
                }
            }
        }

        return !graph.HasLink(Name(0), Name(1), "unknown-domain");
    }

    [Property(MaxTest = 200)]
    public bool IsTruncated_OnRandomAcyclicGraph_MatchesReferenceSearch(byte[] raw, byte depthSeed)
    {
        var maxDepth = 1 + (depthSeed % 4);
        var links = RandomLinks(raw);
        var graph = Build(links, maxDepth);
        var truncatedSubjects = 0;
        foreach (var domain in Domains)
        {
            for (var n = 0; n < NameCount; n++)
            {
                var unlimited = ReferenceClosure(links, Name(n), domain, int.MaxValue).Length;
                var limited = ReferenceClosure(links, Name(n), domain, maxDepth).Length;
                var truncated = graph.GetClosure(Name(n), domain).IsTruncated;
                if (truncated != (unlimited > limited))
                {
                    return false;
                }

                truncatedSubjects += truncated ? 1 : 0;
            }
        }

        return graph.Warnings.Count == truncatedSubjects;
    }

    private static string Name(int index) => $"n{index}";

    private static List<(string From, string To, string Domain)> RandomLinks(byte[]? raw)
    {
        var links = new List<(string, string, string)>();
        if (raw is null)
        {
            return links;
        }

        for (var i = 0; i + 2 < raw.Length; i += 3)
        {
            var a = raw[i] % NameCount;
            var b = raw[i + 1] % NameCount;
            if (a != b)
            {
                links.Add((Name(Math.Min(a, b)), Name(Math.Max(a, b)), Domains[raw[i + 2] % Domains.Length]));
            }
        }

        return links;
    }

    private static RoleGraph Build(List<(string From, string To, string Domain)> links, int maxDepth)
    {
        var builder = new RoleGraphBuilder { MaxDepth = maxDepth };
        foreach (var (from, to, domain) in links)
        {
            builder.AddLink(from, to, domain, default);
        }

        return builder.Build();
    }

    // Level-by-level search over the links in insertion order: what the graph must answer.
    private static string[] ReferenceClosure(
        List<(string From, string To, string Domain)> links, string name, string domain, int maxDepth)
    {
        var depthOf = new Dictionary<string, int>(StringComparer.Ordinal) { [name] = 0 };
        var order = new List<string>();
        var frontier = new List<string> { name };
        for (var depth = 1; depth <= maxDepth && frontier.Count > 0; depth++)
        {
            var next = new List<string>();
            foreach (var node in frontier)
            {
                foreach (var link in links.Where(l => l.Domain == domain && l.From == node))
                {
                    if (depthOf.TryAdd(link.To, depth))
                    {
                        next.Add(link.To);
                        order.Add(link.To);
                    }
                }
            }

            frontier = next;
        }

        return order.Select(role => $"{role}:{depthOf[role]}").ToArray();
    }
}
