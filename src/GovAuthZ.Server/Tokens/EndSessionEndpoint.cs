using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Authorization;
using GovAuthZ.Tokens.Clients;
using GovAuthZ.Tokens.Errors;
using GovAuthZ.Tokens.Grants;
using GovAuthZ.Tokens.Validation;
using Microsoft.AspNetCore.WebUtilities;

namespace GovAuthZ.Server.Tokens;

/// <summary>
/// GET and POST /oauth/end-session (OIDC RP-Initiated Logout 1.0). Ends the sign-in session: its id is
/// recorded as ended (a copied cookie stops working) and the cookie deleted; then a 303 to the client's
/// registered post_logout_redirect_uri with state, or the signed-out page. The redirect URI must match one
/// the client registered, character for character, and the client must be known from id_token_hint or
/// client_id (which must agree when both are sent); anything else is shown as an error, never redirected.
/// Logout happens at once only with a valid id_token_hint for the signed-in user; otherwise the user
/// confirms through an antiforgery-protected form, so a forged link cannot sign anyone out (section 2).
/// </summary>
internal static class EndSessionEndpoint
{
    private const string IdTokenHint = "id_token_hint";
    private const string PostLogoutRedirectUri = "post_logout_redirect_uri";

    public static Task<IResult> GetAsync(HttpContext http, AuthorizeServices s, IdTokenHintValidator hints, IClientStore clients) =>
        HandleAsync(http, s, hints, clients, AuthorizeEndpoint.Pairs(http.Request.Query), confirmed: false);

    public static async Task<IResult> PostAsync(HttpContext http, AuthorizeServices s, IdTokenHintValidator hints, IClientStore clients)
    {
        if (!http.Request.HasFormContentType)
        {
            return Refuse(http, s, ErrorCode.EndSessionRequestMalformed);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
        if (!form.ContainsKey("request"))
        {
            // A relying party may send the logout request as a form post (section 2): same rules as GET.
            return await HandleAsync(http, s, hints, clients, AuthorizeEndpoint.Pairs(form), confirmed: false).ConfigureAwait(false);
        }

        var queryString = await s.Antiforgery.IsRequestValidAsync(http).ConfigureAwait(false)
            ? RequestTokens.Read(s.Protection, RequestTokens.Logout, s.Time, string.Empty, form["request"].ToString())
            : null;
        return queryString is null
            ? AuthorizeEndpoint.FormExpired(http)
            : await HandleAsync(http, s, hints, clients, AuthorizeEndpoint.Pairs(QueryHelpers.ParseQuery(queryString)), confirmed: true).ConfigureAwait(false);
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http, AuthorizeServices s, IdTokenHintValidator hints, IClientStore clients, List<KeyValuePair<string, string>> pairs, bool confirmed)
    {
        if (!TokenRequestParameters.TryParse(pairs, out var p, out _) || p.Get(AuthorizationParameterNames.State) is { Length: > 2048 })
        {
            return Refuse(http, s, ErrorCode.EndSessionRequestMalformed);
        }

        var rawHint = p.Get(IdTokenHint);
        var hint = rawHint is null ? null : await hints.ValidateAsync(rawHint).ConfigureAwait(false);
        var (client, error) = await ResolveClientAsync(http, clients, p.Get(AuthorizationParameterNames.ClientId), rawHint, hint).ConfigureAwait(false);
        var redirectUri = p.Get(PostLogoutRedirectUri);
        if (error == ErrorCode.None && redirectUri is not null)
        {
            error = client is null ? ErrorCode.EndSessionClientUnknown : client.AllowsPostLogoutRedirectUri(redirectUri) ? ErrorCode.None : ErrorCode.EndSessionRedirectUriInvalid;
        }

        if (error != ErrorCode.None)
        {
            return Refuse(http, s, error);
        }

        var session = await s.Sessions.ReadAsync(http, http.RequestAborted).ConfigureAwait(false);
        var trusted = hint is not null && (session is null || string.Equals(session.User.UserId, hint.Subject, StringComparison.Ordinal));
        if (!confirmed && !trusted)
        {
            var tokens = s.Antiforgery.GetAndStoreTokens(http);
            var token = RequestTokens.Protect(s.Protection, RequestTokens.Logout, s.Time, string.Empty, QueryString.Create(Nullable(pairs)).Value ?? string.Empty);
            return InteractionPages.ConfirmLogout(http, token, tokens.FormFieldName, tokens.RequestToken!);
        }

        await s.Sessions.EndAsync(http, http.RequestAborted).ConfigureAwait(false);
        AuthorizeLog.SessionEnded(s.Logger, client?.ClientId ?? "-");
        if (redirectUri is null)
        {
            return InteractionPages.SignedOut(http);
        }

        var state = p.Get(AuthorizationParameterNames.State);
        return SignInPage.SeeOther(http, state is null ? redirectUri : QueryHelpers.AddQueryString(redirectUri, AuthorizationParameterNames.State, state));
    }

    /// <summary>The client named by client_id and/or the hint's aud; a hint that is sent must be one of our ID tokens.</summary>
    private static async Task<(OAuthClient? Client, ErrorCode Error)> ResolveClientAsync(
        HttpContext http, IClientStore clients, string? clientId, string? rawHint, IdTokenHint? hint)
    {
        if (rawHint is not null && hint is null)
        {
            return (null, ErrorCode.EndSessionIdTokenHintInvalid);
        }

        if (clientId is not null && hint is not null && !string.Equals(clientId, hint.ClientId, StringComparison.Ordinal))
        {
            return (null, ErrorCode.EndSessionClientMismatch);
        }

        var id = clientId ?? hint?.ClientId;
        if (id is null)
        {
            return (null, ErrorCode.None);
        }

        var client = id.Length > 200 ? null : await clients.FindByIdAsync(id, http.RequestAborted).ConfigureAwait(false);
        return client is null ? (null, ErrorCode.EndSessionClientUnknown) : (client, ErrorCode.None);
    }

    private static IResult Refuse(HttpContext http, AuthorizeServices s, ErrorCode code)
    {
        AuthorizeLog.EndSessionRefused(s.Logger, (int)code);
        var error = TokenError.From(code);
        return SignInPage.Error(http, StatusCodes.Status400BadRequest, error.Error, error.Description);
    }

    private static IEnumerable<KeyValuePair<string, string?>> Nullable(List<KeyValuePair<string, string>> pairs)
    {
        foreach (var (name, value) in pairs)
        {
            yield return new(name, value);
        }
    }
}
