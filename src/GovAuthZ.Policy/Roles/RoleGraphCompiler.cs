namespace GovAuthZ.Policy.Roles;

/// <summary>
/// Splits links by domain and compiles one <see cref="DomainGraph"/> per domain named in a link, plus one
/// for domain-less links. Domains are independent, except that a link written in a domain that the
/// domain matcher accepts as a pattern for another (matcher(d, p)) also applies in d.
/// </summary>
internal static class RoleGraphCompiler
{
    public static RoleGraph Compile(RoleLink[] links, RoleGraphSettings settings)
    {
        var warnings = new List<string>();
        var domains = DomainsInOrder(links);
        var defaultGraph = CompileDefault(links, settings, warnings);
        var graphs = new DomainGraph[domains.Count];
        for (var index = 0; index < domains.Count; index++)
        {
            graphs[index] = CompileDomain(links, domains, index, settings, warnings);
        }

        return new RoleGraph(links, defaultGraph, [.. domains], graphs, settings, warnings);
    }

    /// <summary>
    /// The graph of a domain no link names: the union of the links of every domain whose name matches it
    /// as a pattern. Built at request time, so a cycle here is tolerated (closures stop at visited roles).
    /// </summary>
    public static DomainGraph CompileMerged(RoleLink[] links, HashSet<string> patternDomains, string domain, RoleGraphSettings settings)
    {
        var selected = new List<RoleLink>();
        foreach (var link in links)
        {
            if (link.Domain is not null && patternDomains.Contains(link.Domain))
            {
                selected.Add(link);
            }
        }

        return DomainGraphCompiler.Compile(selected, new bool[selected.Count], domain, settings, warnings: null, rejectCycles: false);
    }

    private static List<string> DomainsInOrder(RoleLink[] links)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var domains = new List<string>();
        foreach (var link in links)
        {
            if (link.Domain is not null && seen.Add(link.Domain))
            {
                domains.Add(link.Domain);
            }
        }

        return domains;
    }

    private static DomainGraph CompileDefault(RoleLink[] links, RoleGraphSettings settings, List<string> warnings)
    {
        var selected = new List<RoleLink>();
        foreach (var link in links)
        {
            if (link.Domain is null)
            {
                selected.Add(link);
            }
        }

        if (selected.Count == 0)
        {
            return DomainGraph.Empty;
        }

        var literal = new bool[selected.Count];
        Array.Fill(literal, true);
        return DomainGraphCompiler.Compile(selected, literal, null, settings, warnings, rejectCycles: true);
    }

    private static DomainGraph CompileDomain(
        RoleLink[] links, List<string> domains, int index, RoleGraphSettings settings, List<string> warnings)
    {
        var domain = domains[index];
        var applies = new HashSet<string>(StringComparer.Ordinal) { domain };
        if (settings.DomainMatcher is { } matcher)
        {
            foreach (var other in domains)
            {
                if (!string.Equals(other, domain, StringComparison.Ordinal) && matcher(domain, other))
                {
                    applies.Add(other);
                }
            }
        }

        var selected = new List<RoleLink>();
        var literal = new List<bool>();
        foreach (var link in links)
        {
            if (link.Domain is not null && applies.Contains(link.Domain))
            {
                selected.Add(link);
                literal.Add(string.Equals(link.Domain, domain, StringComparison.Ordinal));
            }
        }

        return DomainGraphCompiler.Compile(selected, literal, domain, settings, warnings, rejectCycles: true);
    }
}
