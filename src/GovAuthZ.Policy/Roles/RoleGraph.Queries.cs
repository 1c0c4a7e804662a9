namespace GovAuthZ.Policy.Roles;

/// <summary>Queries for the management API and the linter; these may allocate.</summary>
internal sealed partial class RoleGraph
{
    /// <summary>The direct roles of a name (including those it gets from patterns matching it).</summary>
    public IReadOnlyList<string> GetRoles(string name, string? domain)
    {
        var closure = GetClosure(name, domain);
        var roles = new List<string>();
        for (var i = 0; i < closure.Count && closure.Depths[i] == 1; i++)
        {
            roles.Add(closure.Roles[i]);
        }

        return roles;
    }

    /// <summary>The names that have <paramref name="role"/> directly, in order of first appearance.</summary>
    public IReadOnlyList<string> GetUsers(string role, string? domain) => Resolve(domain).GetDirectUsers(role);

    /// <summary>Every role of a name within <see cref="MaxDepth"/> links, nearest first.</summary>
    public IReadOnlyList<string> GetImplicitRoles(string name, string? domain)
        => GetClosure(name, domain).Roles.ToArray();

    /// <summary>
    /// Every name in a link that has <paramref name="role"/> within <see cref="MaxDepth"/> links, in order
    /// of first appearance. Names only matched by a pattern are not enumerable and not listed.
    /// </summary>
    public IReadOnlyList<string> GetImplicitUsers(string role, string? domain)
        => Resolve(domain).GetImplicitUsers(role);

    /// <summary>The domains named in links, in order of first appearance (domain-less links have none).</summary>
    public IReadOnlyList<string> GetDomains() => [.. _domains];

    /// <summary>Every distinct name in any link, as user or role, in order of first appearance.</summary>
    public IReadOnlyList<string> GetAllNames()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var link in _links)
        {
            if (seen.Add(link.Name1))
            {
                names.Add(link.Name1);
            }

            if (seen.Add(link.Name2))
            {
                names.Add(link.Name2);
            }
        }

        return names;
    }
}
