namespace GovAuthZ.Policy.Evaluation;

/// <summary>What a <c>g()</c> call in a matcher, and the rule index built around it, ask of a role hierarchy.</summary>
internal interface IRoleLinks
{
    /// <summary>Whether <paramref name="name1"/> has role <paramref name="name2"/>, directly or through others.</summary>
    bool HasLink(string name1, string name2, string? domain);

    /// <summary>
    /// Every role <paramref name="name"/> holds in <paramref name="domain"/>, transitively, without the name
    /// itself. Exactly the names for which <see cref="HasLink"/> is true besides the name itself, provided
    /// <see cref="HasNamePatterns"/> is false.
    /// </summary>
    ReadOnlySpan<string> RolesOf(string name, string? domain);

    /// <summary>
    /// True when role names are matched by a pattern function: then a policy's subject may be a pattern that
    /// no closure lists, and rules cannot be indexed by role.
    /// </summary>
    bool HasNamePatterns { get; }
}
