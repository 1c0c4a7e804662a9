using GovAuthZ.Core.Errors;
using Microsoft.AspNetCore.WebUtilities;

namespace GovAuthZ.Server.Tokens;

/// <summary>
/// POST /oauth/consent: the answer to the consent page (OIDC Core 3.1.2.4). The form is antiforgery-protected
/// and carries the request bound to the session it was shown in; the request is re-validated. Allow adds the
/// requested scopes to the user's grant for the client and issues the code; Deny sends access_denied to the
/// client (RFC 6749 4.1.2.1) with state and iss.
/// </summary>
internal static class ConsentEndpoint
{
    public static async Task<IResult> PostAsync(HttpContext http, AuthorizeServices s)
    {
        if (!http.Request.HasFormContentType || !await s.Antiforgery.IsRequestValidAsync(http).ConfigureAwait(false))
        {
            return AuthorizeEndpoint.FormExpired(http);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
        var session = await s.Sessions.ReadAsync(http, http.RequestAborted).ConfigureAwait(false);
        var queryString = session is null ? null : RequestTokens.Read(s.Protection, RequestTokens.Consent, s.Time, session.SessionId, form["request"].ToString());
        if (queryString is null)
        {
            return AuthorizeEndpoint.FormExpired(http);
        }

        var result = await s.Validator.ValidateAsync(AuthorizeEndpoint.Pairs(QueryHelpers.ParseQuery(queryString)), http.RequestAborted).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return AuthorizeEndpoint.Refuse(http, result, s);
        }

        var request = result.Request!;
        switch (form["decision"].ToString())
        {
            case "allow":
                await s.Consents.GrantAsync(session!.User.UserId, request.Client.ClientId, request.Scopes, http.RequestAborted).ConfigureAwait(false);
                AuthorizeLog.ConsentGranted(s.Logger, request.Client.ClientId, session.User.UserId);
                return await AuthorizeEndpoint.IssueAsync(http, s, request, session).ConfigureAwait(false);
            case "deny":
                AuthorizeLog.ConsentDenied(s.Logger, request.Client.ClientId, session!.User.UserId);
                return AuthorizeEndpoint.RedirectError(http, request, s, ErrorCode.AuthorizationConsentDenied);
            default:
                return AuthorizeEndpoint.FormExpired(http);
        }
    }
}
