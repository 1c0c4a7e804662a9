using System.Globalization;
using GovAuthZ.Core.Errors;

namespace GovAuthZ.Server.Decisions;

/// <summary>
/// The opaque token a write returns and a check may present (design section 5): "answer from state at
/// least this new". Today it names a policy revision, <c>rev:N</c>; consent versions will join it. A check
/// whose token is newer than what this server has loaded is refused as unavailable rather than answered
/// from older state: after a narrowing change (a revoked rule) an older answer could still allow.
/// </summary>
internal static class ConsistencyToken
{
    private const string RevisionPrefix = "rev:";

    /// <summary>The token for state that includes policy revision <paramref name="revision"/>.</summary>
    public static string ForRevision(long revision) => RevisionPrefix + revision.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Throws GAZ2005 for a token this server did not issue and GAZ2010 when <paramref name="servingRevision"/>
    /// is older than the token demands. An empty token demands nothing. Allocates nothing on success.
    /// </summary>
    public static void Require(string token, long servingRevision)
    {
        if (token.Length == 0)
        {
            return;
        }

        if (!token.StartsWith(RevisionPrefix, StringComparison.Ordinal)
            || !long.TryParse(token.AsSpan(RevisionPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var required)
            || required < 1)
        {
            throw new GovAuthZException(ErrorCode.DecisionInvalidRequest, $"consistency_token '{token}' is not a token this server issued (expected rev:N)");
        }

        if (required > servingRevision)
        {
            throw new GovAuthZException(
                ErrorCode.DecisionStateTooOld,
                string.Create(CultureInfo.InvariantCulture, $"consistency_token asks for policy revision {required}; this server serves revision {servingRevision}; retry shortly"));
        }
    }
}
