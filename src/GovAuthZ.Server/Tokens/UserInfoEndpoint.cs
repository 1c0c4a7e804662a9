using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Errors;
using GovAuthZ.Tokens.Grants;
using GovAuthZ.Tokens.UserInfo;
using Microsoft.Extensions.Primitives;

namespace GovAuthZ.Server.Tokens;

/// <summary>
/// GET and POST /oauth/userinfo (OIDC Core 5.3). The bearer token comes from the Authorization header
/// (RFC 6750 2.1) or, on POST, a form body's access_token (2.2); never from the query string (2.3 is not
/// supported: URLs end up in logs and Referer headers, RFC 9700 4.3.2), and using two methods at once is
/// refused (RFC 6750 3.1 invalid_request). Failures answer with an RFC 6750 3 challenge.
/// </summary>
internal static class UserInfoEndpoint
{
    private const string LoggerName = "GovAuthZ.Server.Tokens";
    private const string AccessTokenParameter = "access_token";
    private const string BearerScheme = "Bearer";
    private const string Realm = "govauthz";

    public static async Task HandleAsync(HttpContext context, UserInfoService userInfo, ILoggerFactory loggers)
    {
        var cancellationToken = context.RequestAborted;
        var (token, error) = await ReadTokenAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (error != ErrorCode.None)
        {
            await ChallengeAsync(context.Response, TokenError.From(error), loggers).ConfigureAwait(false);
            return;
        }

        if (token is null)
        {
            // RFC 6750 3.1: a request without credentials gets a challenge without an error code.
            OAuthHttp.NoStore(context.Response);
            context.Response.Headers.WWWAuthenticate = $"{BearerScheme} realm=\"{Realm}\"";
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var result = await userInfo.GetAsync(token, cancellationToken).ConfigureAwait(false);
        if (result.Error is { } failure)
        {
            await ChallengeAsync(context.Response, failure, loggers).ConfigureAwait(false);
            return;
        }

        await OAuthHttp.WriteJsonAsync(context.Response, StatusCodes.Status200OK, result.Claims!, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The token from the header or (POST, form body) access_token; an error when it is in the query or sent twice.</summary>
    private static async Task<(string? Token, ErrorCode Error)> ReadTokenAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.Query.ContainsKey(AccessTokenParameter))
        {
            return (null, ErrorCode.UserInfoTokenInQuery);
        }

        var header = BearerToken(request.Headers.Authorization);
        StringValues fromBody = default;
        if (HttpMethods.IsPost(request.Method) && OAuthHttp.IsForm(request.ContentType))
        {
            try
            {
                var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
                fromBody = form[AccessTokenParameter];
            }
            catch (InvalidDataException)
            {
                return (null, ErrorCode.TokenRequestInvalidParameter);
            }
        }

        if (fromBody.Count > 1 || (fromBody.Count == 1 && header is not null))
        {
            return (null, ErrorCode.UserInfoTokenMethodsMultiple);
        }

        return (header ?? (fromBody.Count == 1 ? fromBody[0] : null), ErrorCode.None);
    }

    /// <summary>RFC 6750 2.1: "Bearer" (case-insensitive, RFC 9110 11.1) and the token; null for other schemes or no header.</summary>
    private static string? BearerToken(StringValues authorization)
    {
        if (authorization.Count != 1 || authorization[0] is not { } value)
        {
            return null;
        }

        return value.Length > BearerScheme.Length + 1
            && value.StartsWith(BearerScheme, StringComparison.OrdinalIgnoreCase)
            && value[BearerScheme.Length] == ' '
            ? value[(BearerScheme.Length + 1)..].Trim()
            : null;
    }

    /// <summary>RFC 6750 3: 400 invalid_request, 401 invalid_token or 403 insufficient_scope (with the scope needed), in the header and body.</summary>
    private static Task ChallengeAsync(HttpResponse response, TokenError error, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(LoggerName);
        TokenLog.UserInfoRejected(logger, error.CodeId, error.Error);
        var scope = error.Error == OAuthErrors.InsufficientScope ? ", scope=\"openid\"" : string.Empty;
        response.Headers.WWWAuthenticate =
            $"{BearerScheme} realm=\"{Realm}\", error=\"{error.Error}\", error_description=\"{error.Description}\"{scope}";
        return OAuthHttp.WriteJsonAsync(response, error.HttpStatus, TokenErrorResponse.From(error), response.HttpContext.RequestAborted);
    }
}
