namespace GovAuthZ.Policy.Roles;

/// <summary>
/// Finds one cycle in a directed graph given as adjacency arrays. Iterative, because a policy may hold
/// a chain of thousands of links and a recursive walk would overflow the stack.
/// </summary>
internal static class CycleDetector
{
    private const byte Unvisited = 0;
    private const byte OnPath = 1;
    private const byte Done = 2;

    /// <summary>
    /// The node ids of the first cycle found, searching from nodes in id order (insertion order), with
    /// the first node repeated at the end (a -> b -> a is [a, b, a]); null when the graph is acyclic.
    /// </summary>
    public static int[]? FindCycle(int[][] edges)
    {
        var state = new byte[edges.Length];
        var path = new List<int>();
        var nextEdge = new List<int>();
        for (var root = 0; root < edges.Length; root++)
        {
            if (state[root] != Unvisited)
            {
                continue;
            }

            var cycle = Walk(edges, root, state, path, nextEdge);
            if (cycle is not null)
            {
                return cycle;
            }
        }

        return null;
    }

    private static int[]? Walk(int[][] edges, int root, byte[] state, List<int> path, List<int> nextEdge)
    {
        path.Add(root);
        nextEdge.Add(0);
        state[root] = OnPath;
        while (path.Count > 0)
        {
            var top = path.Count - 1;
            var node = path[top];
            var index = nextEdge[top];
            if (index == edges[node].Length)
            {
                state[node] = Done;
                path.RemoveAt(top);
                nextEdge.RemoveAt(top);
                continue;
            }

            nextEdge[top] = index + 1;
            var next = edges[node][index];
            if (state[next] == OnPath)
            {
                return CycleFrom(path, next);
            }

            if (state[next] == Unvisited)
            {
                state[next] = OnPath;
                path.Add(next);
                nextEdge.Add(0);
            }
        }

        return null;
    }

    private static int[] CycleFrom(List<int> path, int start)
    {
        var from = path.IndexOf(start);
        var cycle = new int[path.Count - from + 1];
        for (var i = from; i < path.Count; i++)
        {
            cycle[i - from] = path[i];
        }

        cycle[^1] = start;
        return cycle;
    }
}
