using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Roles;

namespace GovAuthZ.Policy;

/// <summary>Role queries (RBAC API): direct and implicit roles, users and permissions.</summary>
public sealed partial class Enforcer
{
    public IReadOnlyList<string> GetRolesForUser(string name, string? domain = null) => Graph("g").GetRoles(name, domain);

    public IReadOnlyList<string> GetUsersForRole(string role, string? domain = null) => Graph("g").GetUsers(role, domain);

    public bool HasRoleForUser(string name, string role, string? domain = null)
    {
        foreach (var held in GetRolesForUser(name, domain))
        {
            if (held == role)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Roles held directly or through other roles, up to the maximum depth.</summary>
    public IReadOnlyList<string> GetImplicitRolesForUser(string name, string? domain = null) =>
        Graph("g").GetImplicitRoles(name, domain);

    public IReadOnlyList<string> GetImplicitUsersForRole(string role, string? domain = null) =>
        Graph("g").GetImplicitUsers(role, domain);

    /// <summary>The p rules whose subject (first field) is the user itself.</summary>
    public IReadOnlyList<IReadOnlyList<string>> GetPermissionsForUser(string name) => GetFilteredPolicy(0, name);

    /// <summary>
    /// The p rules of the user and of every role it holds implicitly. With a domain, only rules whose second
    /// field is that domain (the usual r = sub, dom, obj, act layout).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> GetImplicitPermissionsForUser(string name, string? domain = null)
    {
        var subjects = new List<string> { name };
        subjects.AddRange(GetImplicitRolesForUser(name, domain));
        var result = new List<IReadOnlyList<string>>();
        foreach (var subject in subjects)
        {
            result.AddRange(domain is null ? GetFilteredPolicy(0, subject) : GetFilteredPolicy(0, subject, domain));
        }

        return result;
    }

    /// <summary>Removes a user's role links and rules in one revision.</summary>
    public bool DeleteUser(string name) => Mutate(lines =>
        lines.RemoveAll(line => (IsRoleType(line.Type) || line.Type == "p") && line.Fields.Length > 0 && line.Fields[0] == name) > 0);

    /// <summary>Removes a role: links to and from it and rules granted to it, in one revision.</summary>
    public bool DeleteRole(string role) => Mutate(lines =>
        lines.RemoveAll(line =>
            (IsRoleType(line.Type) && (line.Fields[0] == role || line.Fields[1] == role))
            || (line.Type == "p" && line.Fields.Length > 0 && line.Fields[0] == role)) > 0);

    /// <summary>Warnings about the role hierarchy, e.g. subjects whose roles go deeper than the maximum depth.</summary>
    public IReadOnlyList<string> GetRoleWarnings()
    {
        var warnings = new List<string>();
        foreach (var (key, graph) in Current.Roles)
        {
            foreach (var warning in graph.Warnings)
            {
                warnings.Add($"{key}: {warning}");
            }
        }

        return warnings;
    }

    private bool IsRoleType(string type) => Current.Model.Roles.ContainsKey(type);

    private RoleGraph Graph(string key) =>
        Current.Roles.TryGetValue(key, out var graph)
            ? graph
            : throw new GovAuthZException(ErrorCode.RoleUnknownDefinition, $"the model defines no role type '{key}'");
}
