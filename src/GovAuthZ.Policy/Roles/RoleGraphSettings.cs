namespace GovAuthZ.Policy.Roles;

/// <summary>
/// How a role graph follows links. The matchers take the concrete name (or domain) first and the pattern
/// written in a link second, as Casbin's named matching functions (keyMatch2 and friends) do.
/// </summary>
internal sealed record RoleGraphSettings(
    int MaxDepth,
    Func<string, string, bool>? NameMatcher,
    Func<string, string, bool>? DomainMatcher)
{
    public static RoleGraphSettings Default { get; } = new(RoleGraphBuilder.DefaultMaxDepth, null, null);
}
