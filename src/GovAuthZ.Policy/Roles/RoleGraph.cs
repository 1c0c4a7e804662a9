using System.Collections.Frozen;
using System.Collections.ObjectModel;
using GovAuthZ.Policy.Evaluation;

namespace GovAuthZ.Policy.Roles;

/// <summary>
/// The compiled role hierarchy of one role definition. Immutable once built; any number of threads may
/// query it without locks (the only mutable parts are the bounded pattern caches, which are concurrent).
/// Lookups of names and domains that appear in a link are precomputed and do not allocate.
/// </summary>
internal sealed partial class RoleGraph : IRoleLinks
{
    private readonly RoleLink[] _links;
    private readonly DomainGraph _defaultGraph;
    private readonly string[] _domains;
    private readonly DomainGraph[] _graphs;
    private readonly FrozenDictionary<string, int> _domainIndex;
    private readonly RoleGraphSettings _settings;
    private readonly BoundedCache<DomainGraph>? _matchedDomains;

    internal RoleGraph(
        RoleLink[] links,
        DomainGraph defaultGraph,
        string[] domains,
        DomainGraph[] graphs,
        RoleGraphSettings settings,
        List<string> warnings)
    {
        _links = links;
        _defaultGraph = defaultGraph;
        _domains = domains;
        _graphs = graphs;
        _settings = settings;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < domains.Length; i++)
        {
            index.Add(domains[i], i);
        }

        _domainIndex = index.ToFrozenDictionary(StringComparer.Ordinal);
        _matchedDomains = settings.DomainMatcher is null || domains.Length == 0 ? null : new BoundedCache<DomainGraph>();
        Links = new ReadOnlyCollection<RoleLink>(links);
        Warnings = new ReadOnlyCollection<string>([.. warnings]);
    }

    public static RoleGraph Empty { get; } = new RoleGraphBuilder().Build();

    public int MaxDepth => _settings.MaxDepth;

    /// <summary>
    /// True when a name matcher is set. Then <see cref="HasLink"/> also accepts a role that matches the
    /// wanted name as a pattern, so a caller indexing rules by closure membership must fall back to it.
    /// </summary>
    public bool HasNamePatterns => _settings.NameMatcher is not null;

    public bool HasDomainPatterns => _settings.DomainMatcher is not null;

    /// <summary>All links in insertion order, each with its domain and location: what a save writes back.</summary>
    public IReadOnlyList<RoleLink> Links { get; }

    /// <summary>One line per subject whose closure was cut at <see cref="MaxDepth"/>, for the linter.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>
    /// Casbin's <c>g(name1, name2[, domain])</c>: true when the names are equal, when name2 is among
    /// name1's roles within <see cref="MaxDepth"/> links, or, with a name matcher, when name1 or one of
    /// those roles matches name2 as a pattern. Allocation-free for names and domains present in a link.
    /// </summary>
    public bool HasLink(string name1, string name2, string? domain)
    {
        if (string.Equals(name1, name2, StringComparison.Ordinal))
        {
            return true;
        }

        var graph = Resolve(domain);
        var closure = graph.GetClosure(name1);
        if (graph.TryGetId(name2, out var id) && closure.ContainsId(id))
        {
            return true;
        }

        return _settings.NameMatcher is { } matcher && MatchesByPattern(matcher, name1, name2, closure);
    }

    /// <summary>
    /// The roles of <paramref name="name"/> in <paramref name="domain"/>, transitively, with depths, not
    /// including the name. Unknown names get <see cref="RoleClosure.Empty"/> unless a pattern matches them.
    /// </summary>
    public RoleClosure GetClosure(string name, string? domain) => Resolve(domain).GetClosure(name);

    /// <inheritdoc />
    public ReadOnlySpan<string> RolesOf(string name, string? domain) => GetClosure(name, domain).Roles;

    /// <summary>
    /// The subjectPriority ordering key of <paramref name="subject"/>: the number of links on the longest
    /// chain from it up to a name without roles, over the links written literally in
    /// <paramref name="domain"/> (no name or domain patterns, no depth limit, as Casbin computes it). Top
    /// roles, and names not in the hierarchy, are 0; a user two levels under a top role is 2. Casbin
    /// orders policy rules by this key descending, stably, so a user's own rules precede its roles'.
    /// </summary>
    public int SubjectDepth(string subject, string? domain)
    {
        if (domain is null)
        {
            return _defaultGraph.SubjectDepth(subject);
        }

        return _domainIndex.TryGetValue(domain, out var index) ? _graphs[index].SubjectDepth(subject) : 0;
    }

    private static bool MatchesByPattern(Func<string, string, bool> matcher, string name1, string name2, RoleClosure closure)
    {
        if (matcher(name1, name2))
        {
            return true;
        }

        foreach (var role in closure.Roles)
        {
            if (matcher(role, name2))
            {
                return true;
            }
        }

        return false;
    }

    private DomainGraph Resolve(string? domain)
    {
        if (domain is null)
        {
            return _defaultGraph;
        }

        if (_domainIndex.TryGetValue(domain, out var index))
        {
            return _graphs[index];
        }

        if (_matchedDomains is null)
        {
            return DomainGraph.Empty;
        }

        return _matchedDomains.TryGet(domain, out var cached)
            ? cached
            : _matchedDomains.Add(domain, MatchDomain(domain));
    }

    private DomainGraph MatchDomain(string domain)
    {
        var matcher = _settings.DomainMatcher!;
        var patterns = new HashSet<string>(StringComparer.Ordinal);
        var last = -1;
        for (var i = 0; i < _domains.Length; i++)
        {
            if (matcher(domain, _domains[i]))
            {
                patterns.Add(_domains[i]);
                last = i;
            }
        }

        if (patterns.Count == 0)
        {
            return DomainGraph.Empty;
        }

        // The common case, one catch-all domain such as "*": its compiled graph already is the answer.
        if (patterns.Count == 1 && _graphs[last].IsOwnOnly)
        {
            return _graphs[last];
        }

        return RoleGraphCompiler.CompileMerged(_links, patterns, domain, _settings);
    }
}
