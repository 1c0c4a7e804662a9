using GovAuthZ.Policy.Evaluation;

namespace GovAuthZ.Policy.Tests.Compilation;

/// <summary>A role hierarchy of direct links only, enough to test how matchers call g().</summary>
internal sealed class FakeRoleLinks : IRoleLinks
{
    private readonly Dictionary<string, List<string>> _roles = new(StringComparer.Ordinal);

    public bool HasNamePatterns { get; init; }

    public FakeRoleLinks Add(string name, string role, string? domain = null)
    {
        var key = Key(name, domain);
        if (!_roles.TryGetValue(key, out var list))
        {
            list = [];
            _roles.Add(key, list);
        }

        list.Add(role);
        return this;
    }

    public bool HasLink(string name1, string name2, string? domain) =>
        name1 == name2 || (_roles.TryGetValue(Key(name1, domain), out var list) && list.Contains(name2));

    public ReadOnlySpan<string> RolesOf(string name, string? domain) =>
        _roles.TryGetValue(Key(name, domain), out var list) ? list.ToArray() : [];

    private static string Key(string name, string? domain) => domain is null ? name : domain + "\u0000" + name;
}
