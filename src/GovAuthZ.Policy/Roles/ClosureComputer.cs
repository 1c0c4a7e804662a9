namespace GovAuthZ.Policy.Roles;

/// <summary>
/// Breadth-first closure over a domain's effective role edges, bounded by the maximum depth. Owns scratch
/// arrays sized to the graph, so one instance must not be used by two threads at once: the compiler keeps
/// one for the whole build, a lazy pattern lookup makes its own.
/// </summary>
internal sealed class ClosureComputer
{
    private readonly string[] _names;
    private readonly int[][] _edges;
    private readonly int _maxDepth;

    // A node is visited in the current pass when its stamp equals _pass; bumping the pass clears all marks
    // at once, so a build of N closures costs the sum of their sizes rather than N * nodes.
    private readonly int[] _stamps;
    private readonly int[] _depths;
    private readonly int[] _queue;
    private int _pass;

    public ClosureComputer(string[] names, int[][] edges, int maxDepth)
    {
        _names = names;
        _edges = edges;
        _maxDepth = maxDepth;
        _stamps = new int[names.Length];
        _depths = new int[names.Length];
        _queue = new int[names.Length];
    }

    /// <summary>
    /// The closure reached from <paramref name="start"/> (the direct roles, depth 1), never entering
    /// <paramref name="exclude"/> (the subject itself, or -1). Casbin follows links while the level is at
    /// most its maximum hierarchy level, so a role at depth MaxDepth is reached and one past it is not.
    /// </summary>
    public RoleClosure Compute(ReadOnlySpan<int> start, int exclude)
    {
        var pass = ++_pass;
        var count = Seed(start, exclude, pass);
        var truncated = false;
        for (var head = 0; head < count; head++)
        {
            var node = _queue[head];
            var depth = _depths[node];
            foreach (var next in _edges[node])
            {
                if (_stamps[next] == pass)
                {
                    continue;
                }

                if (depth >= _maxDepth)
                {
                    truncated = true;
                    break;
                }

                _stamps[next] = pass;
                _depths[next] = depth + 1;
                _queue[count++] = next;
            }
        }

        return count == 0 && !truncated ? RoleClosure.Empty : Materialize(count, truncated);
    }

    private int Seed(ReadOnlySpan<int> start, int exclude, int pass)
    {
        if (exclude >= 0)
        {
            _stamps[exclude] = pass;
        }

        var count = 0;
        foreach (var role in start)
        {
            if (_stamps[role] != pass)
            {
                _stamps[role] = pass;
                _depths[role] = 1;
                _queue[count++] = role;
            }
        }

        return count;
    }

    private RoleClosure Materialize(int count, bool truncated)
    {
        var roles = new string[count];
        var depths = new int[count];
        var sortedIds = new int[count];
        for (var i = 0; i < count; i++)
        {
            var node = _queue[i];
            roles[i] = _names[node];
            depths[i] = _depths[node];
            sortedIds[i] = node;
        }

        Array.Sort(sortedIds);
        return new RoleClosure(roles, depths, sortedIds, truncated);
    }
}
