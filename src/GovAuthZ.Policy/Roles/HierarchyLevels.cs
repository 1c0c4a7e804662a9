namespace GovAuthZ.Policy.Roles;

/// <summary>
/// The subject-priority key: for every name, the number of links on the longest chain from it up to a
/// name that has no roles. Casbin's subjectPriority effect levels the role tree from its roots down (a
/// root is 0, its members 1, theirs 2...) and sorts rules so that deeper subjects, closer to end users,
/// come first; on a tree that level is exactly this count, and on a DAG the longest chain is the value
/// Casbin's last visit would leave when all paths start at the same root.
/// </summary>
internal static class HierarchyLevels
{
    /// <param name="roles">Acyclic adjacency: roles[n] are the direct roles of n.</param>
    public static int[] Compute(int[][] roles)
    {
        var count = roles.Length;
        var levels = new int[count];
        var pendingRoles = new int[count];
        var members = new List<int>[count];
        for (var node = 0; node < count; node++)
        {
            members[node] = [];
        }

        var queue = new Queue<int>();
        for (var node = 0; node < count; node++)
        {
            pendingRoles[node] = roles[node].Length;
            foreach (var role in roles[node])
            {
                members[role].Add(node);
            }

            if (pendingRoles[node] == 0)
            {
                queue.Enqueue(node);
            }
        }

        // Kahn's order from the top roles down: a member is final once all its roles are.
        while (queue.TryDequeue(out var role))
        {
            foreach (var member in members[role])
            {
                levels[member] = Math.Max(levels[member], levels[role] + 1);
                if (--pendingRoles[member] == 0)
                {
                    queue.Enqueue(member);
                }
            }
        }

        return levels;
    }
}
