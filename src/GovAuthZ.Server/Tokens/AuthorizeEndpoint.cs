using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Authorization;
using GovAuthZ.Tokens.Errors;
using Microsoft.AspNetCore.WebUtilities;

namespace GovAuthZ.Server.Tokens;

/// <summary>
/// GET and POST /oauth/authorize (RFC 6749 4.1, OIDC Core 3.1.2). GET validates the request; with a usable
/// sign-in session and nothing to ask it issues the code at once (single sign-on), otherwise it renders the
/// sign-in form carrying the request in a protected, time-limited field. POST checks the antiforgery token,
/// re-validates, signs the user in and starts the session. Either way a client that needs consent for a
/// scope not yet granted gets the consent page (<see cref="ConsentEndpoint"/>) before any code is issued.
/// </summary>
internal static class AuthorizeEndpoint
{
    public static async Task<IResult> GetAsync(HttpContext http, AuthorizeServices s)
    {
        var result = await s.Validator.ValidateAsync(Pairs(http.Request.Query), http.RequestAborted).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return Refuse(http, result, s);
        }

        var request = result.Request!;
        var queryString = http.Request.QueryString.Value ?? string.Empty;
        var session = await s.Sessions.ReadAsync(http, http.RequestAborted).ConfigureAwait(false);
        if (session is null || NeedsSignIn(request, session, s.Time.GetUtcNow()))
        {
            // OIDC Core 3.1.2.6: prompt=none never shows a page; the client learns it must ask interactively.
            if (request.PromptNone)
            {
                AuthorizeLog.InteractionRequired(s.Logger, request.Client.ClientId, "login_required");
                return RedirectError(http, request, s, ErrorCode.AuthorizationLoginRequired);
            }

            return Form(http, s, request, RequestTokens.Protect(s.Protection, RequestTokens.SignIn, s.Time, string.Empty, queryString), null);
        }

        return await CompleteAsync(http, s, request, queryString, session).ConfigureAwait(false);
    }

    public static async Task<IResult> PostAsync(HttpContext http, AuthorizeServices s)
    {
        if (!http.Request.HasFormContentType || !await s.Antiforgery.IsRequestValidAsync(http).ConfigureAwait(false))
        {
            return FormExpired(http);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
        var requestToken = form["request"].ToString();
        var queryString = RequestTokens.Read(s.Protection, RequestTokens.SignIn, s.Time, string.Empty, requestToken);
        if (queryString is null)
        {
            return FormExpired(http);
        }

        // Re-validated: the client's registration may have changed while the form was open.
        var result = await s.Validator.ValidateAsync(Pairs(QueryHelpers.ParseQuery(queryString)), http.RequestAborted).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return Refuse(http, result, s);
        }

        var user = await s.SignIn.SignInAsync(form["user_id"].ToString(), form["password"].ToString(), http.RequestAborted).ConfigureAwait(false);
        if (user is null)
        {
            AuthorizeLog.SignInFailed(s.Logger, result.Request!.Client.ClientId);
            return Form(http, s, result.Request!, requestToken, "User id or password is incorrect.");
        }

        // The user has just authenticated: prompt=login and max_age are satisfied by this sign-in.
        var session = await s.Sessions.StartAsync(http, user, http.RequestAborted).ConfigureAwait(false);
        AuthorizeLog.SessionStarted(s.Logger, user.UserId);
        return await CompleteAsync(http, s, result.Request!, queryString, session).ConfigureAwait(false);
    }

    /// <summary>
    /// OIDC Core 3.1.2.1: prompt=login always re-authenticates; max_age does when the last sign-in is older
    /// (max_age=0 always, it cannot be satisfied by an earlier sign-in).
    /// </summary>
    internal static bool NeedsSignIn(AuthorizationRequest request, SignInSession session, DateTimeOffset now) =>
        request.PromptLogin || (request.MaxAge is { } maxAge && (maxAge == TimeSpan.Zero || now - session.AuthTime > maxAge));

    /// <summary>The user is authenticated: the consent page when the client needs one, otherwise the code.</summary>
    internal static async Task<IResult> CompleteAsync(HttpContext http, AuthorizeServices s, AuthorizationRequest request, string queryString, SignInSession session)
    {
        if (request.Client.RequiresConsent)
        {
            var granted = await s.Consents.GetGrantedAsync(session.User.UserId, request.Client.ClientId, http.RequestAborted).ConfigureAwait(false);
            if (request.PromptConsent || !ScopeConsents.Covers(granted, request.Scopes))
            {
                if (request.PromptNone)
                {
                    AuthorizeLog.InteractionRequired(s.Logger, request.Client.ClientId, "consent_required");
                    return RedirectError(http, request, s, ErrorCode.AuthorizationConsentRequired);
                }

                var token = RequestTokens.Protect(s.Protection, RequestTokens.Consent, s.Time, session.SessionId, queryString);
                var tokens = s.Antiforgery.GetAndStoreTokens(http);
                return InteractionPages.Consent(http, ClientName(request), request.Scopes, token, tokens.FormFieldName, tokens.RequestToken!);
            }
        }

        return await IssueAsync(http, s, request, session).ConfigureAwait(false);
    }

    internal static async Task<IResult> IssueAsync(HttpContext http, AuthorizeServices s, AuthorizationRequest request, SignInSession session)
    {
        var code = await s.Codes.IssueAsync(request, session.User, session.AuthTime, session.SessionId, http.RequestAborted).ConfigureAwait(false);
        AuthorizeLog.CodeIssued(s.Logger, request.Client.ClientId, session.User.UserId);
        return Redirect(http, request.RedirectUri, s, request.State, (AuthorizationParameterNames.Code, code));
    }

    /// <summary>An error for a request whose client and redirect URI are established (RFC 6749 4.1.2.1).</summary>
    internal static IResult RedirectError(HttpContext http, AuthorizationRequest request, AuthorizeServices s, ErrorCode code)
    {
        var error = TokenError.From(code);
        return Redirect(http, request.RedirectUri, s, request.State, (AuthorizationParameterNames.Error, error.Error), (AuthorizationParameterNames.ErrorDescription, error.Description));
    }

    /// <summary>RFC 6749 4.1.2.1: never redirect unless client and redirect URI were both established.</summary>
    internal static IResult Refuse(HttpContext http, AuthorizationRequestResult result, AuthorizeServices s)
    {
        var error = result.Error!.Value;
        return result.MayRedirect
            ? Redirect(http, result.RedirectUri!, s, result.State, (AuthorizationParameterNames.Error, error.Error), (AuthorizationParameterNames.ErrorDescription, error.Description))
            : SignInPage.Error(http, StatusCodes.Status400BadRequest, error.Error, error.Description);
    }

    internal static IResult FormExpired(HttpContext http) =>
        SignInPage.Error(http, StatusCodes.Status400BadRequest, OAuthErrors.InvalidRequest, ErrorMessages.For(ErrorCode.AuthorizationFormInvalid));

    internal static List<KeyValuePair<string, string>> Pairs(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> values)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var (name, list) in values)
        {
            foreach (var value in list)
            {
                pairs.Add(new(name, value ?? string.Empty));
            }
        }

        return pairs;
    }

    private static string ClientName(AuthorizationRequest request) => request.Client.DisplayName ?? request.Client.ClientId;

    private static IResult Form(HttpContext http, AuthorizeServices s, AuthorizationRequest request, string requestToken, string? message)
    {
        var tokens = s.Antiforgery.GetAndStoreTokens(http);
        return SignInPage.Form(http, ClientName(request), string.Join(' ', request.Scopes), requestToken, tokens.FormFieldName, tokens.RequestToken!, message);
    }

    private static IResult Redirect(HttpContext http, string redirectUri, AuthorizeServices s, string? state, params (string Name, string Value)[] values)
    {
        var parameters = new List<KeyValuePair<string, string?>>(values.Length + 2);
        foreach (var (name, value) in values)
        {
            parameters.Add(new(name, value));
        }

        if (state is not null)
        {
            parameters.Add(new(AuthorizationParameterNames.State, state));
        }

        parameters.Add(new(AuthorizationParameterNames.Issuer, s.Options.Issuer));
        return SignInPage.SeeOther(http, QueryHelpers.AddQueryString(redirectUri, parameters));
    }
}
