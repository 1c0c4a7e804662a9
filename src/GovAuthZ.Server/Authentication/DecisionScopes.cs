namespace GovAuthZ.Server.Authentication;

/// <summary>
/// OAuth scopes that open the decision API. Scope tokens follow RFC 6749 section 3.3 (no spaces, no
/// quotes or backslashes), so they can be requested and listed as they are.
/// </summary>
internal static class DecisionScopes
{
    /// <summary>Check and CheckBatch.</summary>
    public const string Check = "decision:check";

    /// <summary>Explain: exposes rules and attributes, so it is granted to administrators' tools only.</summary>
    public const string Explain = "decision:explain";

    /// <summary>
    /// Describe the principal in the request (an official's attributes, or another app) instead of proving
    /// it with a subject token. Only trusted enforcement points get it: without it a caller could claim any
    /// official's department and clearance.
    /// </summary>
    public const string AssertPrincipal = "decision:assert-principal";
}
