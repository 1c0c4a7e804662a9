using System.Globalization;
using System.Security.Cryptography;
using GovAuthZ.Tokens;
using GovAuthZ.Tokens.Authorization;
using GovAuthZ.Tokens.Errors;
using GovAuthZ.Tokens.Users;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace GovAuthZ.Server.Tokens;

/// <summary>
/// GET and POST /oauth/authorize (RFC 6749 4.1). GET validates the request and renders the sign-in form,
/// carrying the request in a protected, time-limited form field; POST checks the antiforgery token,
/// re-validates the request, signs the user in and redirects with the code, state and iss (RFC 9207).
/// </summary>
internal static class AuthorizeEndpoint
{
    private const string RequestPurpose = "GovAuthZ.Authorize.Request.v1";
    private static readonly TimeSpan FormLifetime = TimeSpan.FromMinutes(10);

    public static async Task<IResult> GetAsync(HttpContext http, AuthorizationRequestValidator validator, IAntiforgery antiforgery, IDataProtectionProvider protection, TimeProvider time, TokenOptions options)
    {
        var query = Pairs(http.Request.Query);
        var result = await validator.ValidateAsync(query, http.RequestAborted).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return Refuse(http, result, options);
        }

        var token = Protector(protection).Protect(time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + "\n" + http.Request.QueryString.Value);
        return Form(http, antiforgery, result.Request!, token, null);
    }

    public static async Task<IResult> PostAsync(
        HttpContext http, AuthorizationRequestValidator validator, UserSignIn signIn, AuthorizationCodeService codes,
        IAntiforgery antiforgery, IDataProtectionProvider protection, TimeProvider time, TokenOptions options, ILogger<AuthorizationCodeService> logger)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http).ConfigureAwait(false))
        {
            return SignInPage.Error(http, StatusCodes.Status400BadRequest, OAuthErrors.InvalidRequest, "the sign-in form has expired or was not sent by this server; start again");
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
        var queryString = ReadRequestToken(protection, form["request"].ToString(), time);
        if (queryString is null)
        {
            return SignInPage.Error(http, StatusCodes.Status400BadRequest, OAuthErrors.InvalidRequest, "the sign-in form has expired or was not sent by this server; start again");
        }

        // Re-validated: the client's registration may have changed while the form was open.
        var result = await validator.ValidateAsync(Pairs(QueryHelpers.ParseQuery(queryString)), http.RequestAborted).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return Refuse(http, result, options);
        }

        var user = await signIn.SignInAsync(form["user_id"].ToString(), form["password"].ToString(), http.RequestAborted).ConfigureAwait(false);
        if (user is null)
        {
            AuthorizeLog.SignInFailed(logger, result.Request!.Client.ClientId);
            return Form(http, antiforgery, result.Request!, form["request"].ToString(), "User id or password is incorrect.");
        }

        var code = await codes.IssueAsync(result.Request!, user, time.GetUtcNow(), http.RequestAborted).ConfigureAwait(false);
        AuthorizeLog.CodeIssued(logger, result.Request!.Client.ClientId, user.UserId);
        return Redirect(http, result.Request!.RedirectUri, options, result.Request.State, (AuthorizationParameterNames.Code, code));
    }

    private static IResult Form(HttpContext http, IAntiforgery antiforgery, AuthorizationRequest request, string requestToken, string? message)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return SignInPage.Form(http, request.Client.DisplayName ?? request.Client.ClientId, string.Join(' ', request.Scopes), requestToken, tokens.FormFieldName, tokens.RequestToken!, message);
    }

    /// <summary>RFC 6749 4.1.2.1: never redirect unless client and redirect URI were both established.</summary>
    private static IResult Refuse(HttpContext http, AuthorizationRequestResult result, TokenOptions options)
    {
        var error = result.Error!.Value;
        return result.MayRedirect
            ? Redirect(http, result.RedirectUri!, options, result.State, (AuthorizationParameterNames.Error, error.Error), (AuthorizationParameterNames.ErrorDescription, error.Description))
            : SignInPage.Error(http, StatusCodes.Status400BadRequest, error.Error, error.Description);
    }

    private static IResult Redirect(HttpContext http, string redirectUri, TokenOptions options, string? state, params (string Name, string Value)[] values)
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

        parameters.Add(new(AuthorizationParameterNames.Issuer, options.Issuer));
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        // RFC 9700 4.12: 303, so a browser never re-posts the sign-in form (with the password) to the client.
        http.Response.Headers.Location = QueryHelpers.AddQueryString(redirectUri, parameters);
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    private static string? ReadRequestToken(IDataProtectionProvider protection, string token, TimeProvider time)
    {
        string plain;
        try
        {
            plain = Protector(protection).Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var newline = plain.IndexOf('\n', StringComparison.Ordinal);
        return newline > 0
            && long.TryParse(plain.AsSpan(0, newline), NumberStyles.None, CultureInfo.InvariantCulture, out var issued)
            && time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(issued) <= FormLifetime
                ? plain[(newline + 1)..]
                : null;
    }

    private static IDataProtector Protector(IDataProtectionProvider protection) => protection.CreateProtector(RequestPurpose);

    private static List<KeyValuePair<string, string>> Pairs(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> values)
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
}
