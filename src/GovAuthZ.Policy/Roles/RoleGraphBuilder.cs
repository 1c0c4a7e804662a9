using GovAuthZ.Core.Errors;

namespace GovAuthZ.Policy.Roles;

/// <summary>
/// Collects the links of one role definition (<c>g</c>, <c>g2</c>...) and compiles them into an immutable
/// <see cref="RoleGraph"/>. Not thread-safe: one compilation owns one builder.
/// </summary>
internal sealed class RoleGraphBuilder
{
    /// <summary>Casbin's default maximum hierarchy level.</summary>
    public const int DefaultMaxDepth = 10;

    // Removal leaves a tombstone so that the surviving links keep their insertion order without shifting.
    private readonly List<RoleLink?> _links = [];
    private readonly Dictionary<LinkKey, int> _positions = [];
    private int _maxDepth = DefaultMaxDepth;

    /// <summary>Links are followed while the depth is at most this (1 = direct roles only).</summary>
    public int MaxDepth
    {
        get => _maxDepth;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _maxDepth = value;
        }
    }

    /// <summary>Role-name matching function: (concrete name, pattern) -> matches. Null: exact names only.</summary>
    public Func<string, string, bool>? NameMatcher { get; set; }

    /// <summary>Domain matching function: (concrete domain, pattern) -> matches. Null: exact domains only.</summary>
    public Func<string, string, bool>? DomainMatcher { get; set; }

    public int Count => _positions.Count;

    /// <summary>Records that <paramref name="name1"/> has role <paramref name="name2"/>; false if already present.</summary>
    /// <param name="domain">The domain of a <c>g = _, _, _</c> link; null for <c>g = _, _</c>.</param>
    public bool AddLink(string name1, string name2, string? domain, SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(name1);
        ArgumentNullException.ThrowIfNull(name2);
        if (!_positions.TryAdd(new LinkKey(name1, name2, domain), _links.Count))
        {
            return false;
        }

        _links.Add(new RoleLink(name1, name2, domain, location));
        return true;
    }

    /// <summary>Forgets a link; false if it was not present.</summary>
    public bool RemoveLink(string name1, string name2, string? domain)
    {
        ArgumentNullException.ThrowIfNull(name1);
        ArgumentNullException.ThrowIfNull(name2);
        if (!_positions.Remove(new LinkKey(name1, name2, domain), out var position))
        {
            return false;
        }

        _links[position] = null;
        return true;
    }

    /// <summary>Compiles the links; throws <see cref="ErrorCode.RoleCycle"/> when a domain's links form a cycle.</summary>
    public RoleGraph Build()
    {
        var settings = new RoleGraphSettings(_maxDepth, NameMatcher, DomainMatcher);
        return RoleGraphCompiler.Compile(LiveLinks(), settings);
    }

    // Interning here makes every graph, closure and link share one instance per distinct name.
    private RoleLink[] LiveLinks()
    {
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        var live = new RoleLink[_positions.Count];
        var count = 0;
        foreach (var entry in _links)
        {
            if (entry is { } link)
            {
                live[count++] = link with
                {
                    Name1 = Intern(pool, link.Name1),
                    Name2 = Intern(pool, link.Name2),
                    Domain = link.Domain is null ? null : Intern(pool, link.Domain),
                };
            }
        }

        return live;
    }

    private static string Intern(Dictionary<string, string> pool, string value)
    {
        if (pool.TryGetValue(value, out var interned))
        {
            return interned;
        }

        pool.Add(value, value);
        return value;
    }

    private readonly record struct LinkKey(string Name1, string Name2, string? Domain);
}
