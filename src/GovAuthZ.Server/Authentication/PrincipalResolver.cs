using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Clients;
using GovAuthZ.Tokens.Issuance;

namespace GovAuthZ.Server.Authentication;

/// <summary>
/// Decides whether the authenticated caller may ask about the principal named in a check, and turns a
/// subject token into the official it proves. Runs before the decision (and before the decision cache),
/// so every later step sees an official whose attributes were either vouched for by a trusted caller or
/// read from a token this server signed.
/// <list type="bullet">
/// <item>An official described in the request needs <see cref="DecisionScopes.AssertPrincipal"/>: without
/// it any app could claim any department and clearance.</item>
/// <item>An app may ask about itself; about another app only with the same scope. An app principal is
/// decided as the department its registration names (department, level, region), cleared for general
/// data only: an app acting for itself never reaches important or core data without an official.</item>
/// <item>A subject token is verified (signature, expiry, revocation) and its official attributes replace
/// it; the caller becomes the acting app unless one was named.</item>
/// </list>
/// </summary>
internal sealed class PrincipalResolver
{
    private readonly CallerAuthenticator _authenticator;
    private readonly IClientStore? _clients;

    public PrincipalResolver(CallerAuthenticator authenticator, IClientStore? clients = null)
    {
        ArgumentNullException.ThrowIfNull(authenticator);
        _authenticator = authenticator;
        _clients = clients;
    }

    /// <summary>Checks and, for a subject token, rewrites <paramref name="request"/>'s principal in place.</summary>
    public ValueTask<GovAuthZException?> ResolveAsync(Caller caller, CheckRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var principal = request.Principal;
        switch (principal?.IdentityCase)
        {
            case Principal.IdentityOneofCase.Official:
                return ValueTask.FromResult(caller.HasScope(DecisionScopes.AssertPrincipal)
                    ? null
                    : Forbidden("describing an official needs the scope 'decision:assert-principal'; send the official's access token as principal.subject_token instead"));
            case Principal.IdentityOneofCase.App:
                var own = string.Equals(principal.App.ClientId, caller.ClientId, StringComparison.Ordinal);
                return own || caller.HasScope(DecisionScopes.AssertPrincipal)
                    ? ResolveAppAsync(principal, cancellationToken)
                    : ValueTask.FromResult<GovAuthZException?>(Forbidden("an app may only ask about itself without the scope 'decision:assert-principal'"));
            case Principal.IdentityOneofCase.SubjectToken:
                return ResolveSubjectAsync(caller, principal, cancellationToken);
            default:
                // Missing principals are reported by the request mapper with the other missing fields.
                return ValueTask.FromResult<GovAuthZException?>(null);
        }
    }

    /// <summary>Resolves every check of a batch; the first failure names its index.</summary>
    public async ValueTask<GovAuthZException?> ResolveAsync(Caller caller, CheckBatchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        for (var i = 0; i < request.Checks.Count; i++)
        {
            if (await ResolveAsync(caller, request.Checks[i], cancellationToken).ConfigureAwait(false) is { } error)
            {
                return new GovAuthZException(error.Code, $"checks[{i}]: {error.Detail}", error.Location, error);
            }
        }

        return null;
    }

    private async ValueTask<GovAuthZException?> ResolveSubjectAsync(Caller caller, Principal principal, CancellationToken cancellationToken)
    {
        var outcome = await _authenticator.VerifyTokenAsync(principal.SubjectToken, cancellationToken).ConfigureAwait(false);
        if (outcome.Caller is not { } subject)
        {
            return new GovAuthZException(ErrorCode.DecisionInvalidRequest, "principal.subject_token is not valid: " + outcome.Error?.Detail);
        }

        if (!TryReadOfficial(subject, out var official, out var missing))
        {
            return new GovAuthZException(ErrorCode.DecisionInvalidRequest, $"principal.subject_token carries no official {missing}; only tokens issued to officials can be a subject");
        }

        var actingApp = principal.ActingApp.Length > 0 ? principal.ActingApp : caller.ClientId;
        principal.Official = official;
        principal.ActingApp = actingApp;
        return null;
    }

    private async ValueTask<GovAuthZException?> ResolveAppAsync(Principal principal, CancellationToken cancellationToken)
    {
        var clientId = principal.App.ClientId;
        if (clientId.Length == 0)
        {
            return new GovAuthZException(ErrorCode.DecisionInvalidRequest, "principal.app.client_id is required");
        }

        var client = _clients is null ? null : await _clients.FindByIdAsync(clientId, cancellationToken).ConfigureAwait(false);
        if (client is null)
        {
            return new GovAuthZException(ErrorCode.DecisionInvalidRequest, $"principal.app.client_id '{clientId}' is not a registered client");
        }

        if (client.DepartmentAttributes is not { Department: { } department, Level: { } level, Region: { } region })
        {
            return new GovAuthZException(ErrorCode.DecisionInvalidRequest, $"app '{clientId}' is not registered for a department (department, level and region); only department apps can be principals");
        }

        principal.Official = new Official
        {
            Id = clientId,
            Department = department,
            Level = (AdministrativeLevel)level,
            Region = region,
            Clearance = DataGrade.General,
        };
        principal.ActingApp = clientId;
        return null;
    }

    private static bool TryReadOfficial(Caller subject, out Official official, out string missing)
    {
        official = null!;
        var attributes = subject.Official;
        missing = attributes?.Department is null ? "department"
            : attributes.Level is null ? "level"
            : attributes.Region is null ? "region"
            : attributes.Clearance is null ? "clearance"
            : subject.Subject is null ? "subject"
            : string.Empty;
        if (missing.Length > 0)
        {
            return false;
        }

        official = new Official
        {
            Id = subject.Subject!,
            Department = attributes!.Department!,
            Level = (AdministrativeLevel)attributes.Level!.Value,
            Region = attributes.Region!,
            Clearance = GradeOf(attributes.Clearance!),
        };
        official.Roles.Add(attributes.Roles);
        return true;
    }

    private static DataGrade GradeOf(string clearance) => clearance switch
    {
        Clearances.General => DataGrade.General,
        Clearances.Important => DataGrade.Important,
        Clearances.Core => DataGrade.Core,
        _ => DataGrade.Unspecified,
    };

    private static GovAuthZException Forbidden(string detail) => new(ErrorCode.DecisionForbidden, detail);
}
