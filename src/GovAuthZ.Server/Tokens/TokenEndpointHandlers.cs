using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Clients;
using GovAuthZ.Tokens.Errors;
using GovAuthZ.Tokens.Grants;
using GovAuthZ.Tokens.Refresh;
using GovAuthZ.Tokens.Validation;

namespace GovAuthZ.Server.Tokens;

/// <summary>
/// The POST endpoints. Each reads the form (refusing other media types and repeated parameters),
/// authenticates the client, then hands plain values to the token core and maps its result to HTTP.
/// </summary>
internal static class TokenEndpointHandlers
{
    private const string LoggerName = "GovAuthZ.Server.Tokens";

    /// <summary>RFC 6749 section 3.2 and 5.</summary>
    public static async Task TokenAsync(HttpContext context, TokenRequestPipeline pipeline, ILoggerFactory loggers)
    {
        var cancellationToken = context.RequestAborted;
        var (form, formError) = await OAuthHttp.ReadFormAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (form is null)
        {
            await OAuthHttp.WriteErrorAsync(context.Response, TokenError.From(formError), false, cancellationToken).ConfigureAwait(false);
            return;
        }

        var result = await pipeline.ProcessAsync(
            new TokenEndpointRequest { Form = form, AuthorizationHeader = context.Request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null },
            cancellationToken).ConfigureAwait(false);
        var logger = loggers.CreateLogger(LoggerName);
        if (result.Response is { } response)
        {
            TokenLog.TokenIssued(logger, result.Client!.ClientId);
            await OAuthHttp.WriteJsonAsync(context.Response, StatusCodes.Status200OK, response, cancellationToken).ConfigureAwait(false);
            return;
        }

        var error = result.Error!.Value;
        TokenLog.TokenRequestRejected(logger, error.CodeId, error.Error, result.Client?.ClientId ?? "-");
        await OAuthHttp.WriteErrorAsync(context.Response, error, result.UsedBasicScheme, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>RFC 7662 section 2: the caller authenticates as a client; an inactive token yields only active=false.</summary>
    public static async Task IntrospectAsync(HttpContext context, ClientAuthenticator authenticator, TokenIntrospectionService introspection, ILoggerFactory loggers)
    {
        var (caller, token) = await AuthenticateAsync(context, authenticator, loggers, "Introspection", allowPublic: false).ConfigureAwait(false);
        if (caller is null)
        {
            return;
        }

        var answer = await introspection.IntrospectAsync(token, caller, context.RequestAborted).ConfigureAwait(false);
        await OAuthHttp.WriteJsonAsync(context.Response, StatusCodes.Status200OK, answer, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>RFC 7009 section 2: 200 whether or not the token was known, valid or the caller's own.</summary>
    /// <remarks>
    /// An access token is tried first, then a refresh token (token_type_hint is advisory, section 2.1);
    /// revoking a refresh token revokes its whole grant, access tokens included.
    /// </remarks>
    public static async Task RevokeAsync(HttpContext context, ClientAuthenticator authenticator, TokenIntrospectionService introspection, RefreshTokenService refreshTokens, ILoggerFactory loggers)
    {
        // RFC 7009 section 2.1: a public client identifies itself by client_id and may revoke its own tokens.
        var (caller, token) = await AuthenticateAsync(context, authenticator, loggers, "Revocation", allowPublic: true).ConfigureAwait(false);
        if (caller is null)
        {
            return;
        }

        var logger = loggers.CreateLogger(LoggerName);
        if (await introspection.RevokeAsync(token, caller, context.RequestAborted).ConfigureAwait(false))
        {
            TokenLog.TokenRevoked(logger, caller.ClientId);
        }
        else if (await refreshTokens.RevokeAsync(token, caller, context.RequestAborted).ConfigureAwait(false))
        {
            TokenLog.RefreshTokenRevoked(logger, caller.ClientId);
        }

        OAuthHttp.NoStore(context.Response);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>
    /// Reads the form, authenticates the calling client and takes the required token parameter; writes
    /// the error response itself and returns a null caller when any step fails. Public clients pass only
    /// where <paramref name="allowPublic"/>: introspection reveals a token's contents and stays with
    /// confidential clients (RFC 7662 section 2.1); revocation only ever cuts off the caller's own tokens.
    /// </summary>
    private static async Task<(OAuthClient? Caller, string? Token)> AuthenticateAsync(HttpContext context, ClientAuthenticator authenticator, ILoggerFactory loggers, string endpoint, bool allowPublic)
    {
        var cancellationToken = context.RequestAborted;
        var (form, formError) = await OAuthHttp.ReadFormAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (form is null || !TokenRequestParameters.TryParse(form, out var parameters, out formError))
        {
            await OAuthHttp.WriteErrorAsync(context.Response, TokenError.From(formError), false, cancellationToken).ConfigureAwait(false);
            return (null, null);
        }

        var credentials = new ClientCredentials
        {
            AuthorizationHeader = context.Request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null,
            ClientId = parameters.ClientId,
            ClientSecret = parameters.Get("client_secret"),
            ClientAssertionType = parameters.Get("client_assertion_type"),
            ClientAssertion = parameters.Get("client_assertion"),
        };
        var authentication = await authenticator.AuthenticateAsync(credentials, cancellationToken).ConfigureAwait(false);
        if (authentication.Client is not { } client || (client.Type != ClientType.Confidential && !allowPublic))
        {
            var error = authentication.Error ?? TokenError.From(ErrorCode.ClientAuthenticationMissing);
            var logger = loggers.CreateLogger(LoggerName);
            TokenLog.EndpointClientRejected(logger, endpoint, error.CodeId);
            await OAuthHttp.WriteErrorAsync(context.Response, error, authentication.UsedBasicScheme || credentials.AuthorizationHeader is not null, cancellationToken).ConfigureAwait(false);
            return (null, null);
        }

        var token = parameters.Get("token");
        if (token is null)
        {
            await OAuthHttp.WriteErrorAsync(context.Response, TokenError.From(ErrorCode.TokenRequestMissingParameter), false, cancellationToken).ConfigureAwait(false);
            return (null, null);
        }

        return (client, token);
    }
}
