using GovAuthZ.Core.Errors;

namespace GovAuthZ.Policy;

/// <summary>A rule as it appears in the policy: its type, its fields and where it was loaded from.</summary>
public sealed record MatchedRule(string Type, IReadOnlyList<string> Fields, SourceLocation Location);

/// <summary>
/// Why a request was allowed or denied: the deciding rule (if one decided), the effect that combined the
/// matches, a sentence for people, and the error when evaluation failed (then the request is denied).
/// </summary>
public sealed record Explanation(
    bool Allowed,
    string Effect,
    MatchedRule? Rule,
    string Reason,
    string? ErrorCode,
    long Revision);
