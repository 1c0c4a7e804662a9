using GovAuthZ.Core.Errors;

namespace GovAuthZ.Server.Authentication;

/// <summary>How authentication of one call ended: a caller, or an error and whether it is a 401 or a 403.</summary>
internal readonly record struct AuthOutcome(Caller? Caller, GovAuthZException? Error, string? RequiredScope, bool IsMissingCredentials = false)
{
    public bool Succeeded => Caller is not null;

    /// <summary>True when the caller is known but lacks the scope (HTTP 403, gRPC PERMISSION_DENIED).</summary>
    public bool IsForbidden => Error?.Code == ErrorCode.DecisionForbidden;

    public static AuthOutcome Success(Caller caller) => new(caller, null, null);

    public static AuthOutcome Unauthenticated(string detail) =>
        new(null, new GovAuthZException(ErrorCode.DecisionUnauthenticated, detail), null);

    /// <summary>No credentials at all: RFC 6750 section 3.1 says to answer with the bare challenge.</summary>
    public static AuthOutcome NoCredentials(string detail) =>
        new(null, new GovAuthZException(ErrorCode.DecisionUnauthenticated, detail), null, IsMissingCredentials: true);

    public static AuthOutcome Forbidden(string detail, string scope) =>
        new(null, new GovAuthZException(ErrorCode.DecisionForbidden, detail), scope);
}
