using GovAuthZ.Policy.Functions;

namespace GovAuthZ.Policy;

/// <summary>Settings that shape how a model and its policies compile. Read once per snapshot build.</summary>
public sealed class EnforcerOptions
{
    /// <summary>How many role links deep a hierarchy is followed (Casbin's default is 10).</summary>
    public int MaxRoleDepth { get; init; } = 10;

    /// <summary>Functions matchers may call; defaults to the built-ins plus the government functions.</summary>
    public FunctionRegistry Functions { get; init; } = FunctionRegistry.CreateDefault();

    /// <summary>
    /// Per role definition (g, g2, ...), the name of a two-argument boolean function (e.g. keyMatch2) that
    /// lets role names in links be patterns matched against concrete names.
    /// </summary>
    public IReadOnlyDictionary<string, string> RoleNameMatchers { get; init; } = new Dictionary<string, string>();

    /// <summary>Per role definition, the function that lets domains in links be patterns (e.g. keyMatch).</summary>
    public IReadOnlyDictionary<string, string> RoleDomainMatchers { get; init; } = new Dictionary<string, string>();
}
