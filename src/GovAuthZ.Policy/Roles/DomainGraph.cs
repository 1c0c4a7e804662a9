using System.Collections.Frozen;
using System.Runtime.InteropServices;

namespace GovAuthZ.Policy.Roles;

/// <summary>
/// The compiled roles of one domain: names interned to dense ids, each known name's closure precomputed.
/// Immutable apart from the pattern cache, which is itself thread-safe; readers never lock.
/// </summary>
internal sealed class DomainGraph
{
    private readonly FrozenDictionary<string, int> _ids;
    private readonly string[] _names;

    // Links as written (after domain patterns are applied): what a pattern name hands to names it matches.
    private readonly int[][] _ownRoles;

    // Own roles plus the own roles of every pattern name matching this one: the edges closures follow.
    private readonly int[][] _directRoles;

    // Ids of names that have roles of their own: the only names worth trying as patterns.
    private readonly int[] _patternSources;
    private readonly RoleClosure[] _closures;
    private readonly int[]? _subjectDepths;
    private readonly RoleGraphSettings _settings;
    private readonly BoundedCache<RoleClosure>? _patternClosures;

    internal DomainGraph(DomainGraphParts parts, RoleGraphSettings settings, bool isOwnOnly)
    {
        _ids = parts.Ids;
        _names = parts.Names;
        _ownRoles = parts.OwnRoles;
        _directRoles = parts.DirectRoles;
        _patternSources = parts.PatternSources;
        _closures = parts.Closures;
        _subjectDepths = parts.SubjectDepths;
        _settings = settings;
        IsOwnOnly = isOwnOnly;
        _patternClosures = settings.NameMatcher is null || _patternSources.Length == 0
            ? null
            : new BoundedCache<RoleClosure>();
    }

    public static DomainGraph Empty { get; } = new(DomainGraphParts.Empty, RoleGraphSettings.Default, true);

    /// <summary>True when every edge came from links written in this very domain (none via a domain pattern).</summary>
    public bool IsOwnOnly { get; }

    public int NameCount => _names.Length;

    public bool TryGetId(string name, out int id) => _ids.TryGetValue(name, out id);

    /// <summary>Allocation-free for known names; unknown names are matched against pattern names once.</summary>
    public RoleClosure GetClosure(string name)
    {
        if (_ids.TryGetValue(name, out var id))
        {
            return _closures[id];
        }

        if (_patternClosures is null)
        {
            return RoleClosure.Empty;
        }

        return _patternClosures.TryGet(name, out var cached)
            ? cached
            : _patternClosures.Add(name, ComputePatternClosure(name));
    }

    /// <summary>See <see cref="RoleGraph.SubjectDepth"/>.</summary>
    public int SubjectDepth(string subject)
        => _subjectDepths is not null && _ids.TryGetValue(subject, out var id) ? _subjectDepths[id] : 0;

    public List<string> GetDirectUsers(string role)
    {
        var users = new List<string>();
        if (!_ids.TryGetValue(role, out var roleId))
        {
            return users;
        }

        for (var node = 0; node < _names.Length; node++)
        {
            if (node != roleId && Array.IndexOf(_directRoles[node], roleId) >= 0)
            {
                users.Add(_names[node]);
            }
        }

        return users;
    }

    public List<string> GetImplicitUsers(string role)
    {
        var users = new List<string>();
        if (!_ids.TryGetValue(role, out var roleId))
        {
            return users;
        }

        for (var node = 0; node < _names.Length; node++)
        {
            if (node != roleId && _closures[node].ContainsId(roleId))
            {
                users.Add(_names[node]);
            }
        }

        return users;
    }

    private RoleClosure ComputePatternClosure(string name)
    {
        var matcher = _settings.NameMatcher!;
        var start = new List<int>();
        foreach (var pattern in _patternSources)
        {
            if (!matcher(name, _names[pattern]))
            {
                continue;
            }

            foreach (var role in _ownRoles[pattern])
            {
                if (!start.Contains(role))
                {
                    start.Add(role);
                }
            }
        }

        if (start.Count == 0)
        {
            return RoleClosure.Empty;
        }

        // A fresh computer per miss: the build-time scratch arrays must not be shared between threads.
        var computer = new ClosureComputer(_names, _directRoles, _settings.MaxDepth);
        return computer.Compute(CollectionsMarshal.AsSpan(start), exclude: -1);
    }
}

/// <summary>The arrays a <see cref="DomainGraph"/> is made of, as the compiler produces them.</summary>
internal sealed record DomainGraphParts(
    FrozenDictionary<string, int> Ids,
    string[] Names,
    int[][] OwnRoles,
    int[][] DirectRoles,
    int[] PatternSources,
    RoleClosure[] Closures,
    int[]? SubjectDepths)
{
    public static DomainGraphParts Empty { get; } =
        new(FrozenDictionary<string, int>.Empty, [], [], [], [], [], null);
}
