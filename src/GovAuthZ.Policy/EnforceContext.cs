namespace GovAuthZ.Policy;

/// <summary>
/// Which request, policy, effect and matcher definitions an Enforce uses (r, p, e, m by default;
/// r2, p2, e2, m2 for the second set, and so on).
/// </summary>
public readonly record struct EnforceContext(string Request, string Policy, string Effect, string Matcher)
{
    public static EnforceContext Default { get; } = new("r", "p", "e", "m");

    /// <summary>The context whose keys all end in <paramref name="suffix"/>, e.g. "2" for r2, p2, e2, m2.</summary>
    public static EnforceContext WithSuffix(string suffix) => new("r" + suffix, "p" + suffix, "e" + suffix, "m" + suffix);
}
