using GovAuthZ.Tokens.Clients;
using GovAuthZ.Tokens.Errors;
using GovAuthZ.Tokens.Issuance;

namespace GovAuthZ.Tokens.Grants;

/// <summary>
/// The token endpoint's logic: parameters are parsed once, then the handlers run in order until one
/// rejects or the grant's last handler sets the response. New grants (authorization_code with PKCE,
/// refresh_token rotation, token exchange) are further handlers with their grant type; registering them
/// is what makes the grant supported. Thread-safe; create once.
/// </summary>
public sealed class TokenRequestPipeline
{
    private readonly ITokenRequestHandler[] _handlers;
    private readonly HashSet<string> _supportedGrantTypes = new(StringComparer.Ordinal);

    public TokenRequestPipeline(IEnumerable<ITokenRequestHandler> handlers)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        _handlers = [.. handlers];
        foreach (var handler in _handlers)
        {
            if (handler.GrantType is { } grantType)
            {
                _supportedGrantTypes.Add(grantType);
            }
        }
    }

    public IReadOnlyCollection<string> SupportedGrantTypes => _supportedGrantTypes;

    /// <summary>The pipeline with the client_credentials grant: grant type, client authentication, client's grant, confidential client, scope, issue.</summary>
    /// <remarks>
    /// With <paramref name="refreshTokens"/>, the refresh_token grant (rotation, reuse detection) is supported
    /// too; with <paramref name="subjectTokens"/>, token exchange (RFC 8693) for delegation.
    /// </remarks>
    public static TokenRequestPipeline CreateDefault(
        TokenOptions options, ClientAuthenticator authenticator, AccessTokenIssuer issuer,
        Refresh.RefreshTokenService? refreshTokens = null, Validation.TokenIntrospectionService? subjectTokens = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new TokenRequestPipeline(
        [
            new GrantTypeHandler(),
            new ClientAuthenticationHandler(authenticator),
            new ClientGrantTypeHandler(),
            new ConfidentialClientHandler(GrantTypes.ClientCredentials),
            new RequestedScopeHandler(GrantTypes.ClientCredentials, options.SupportedScopes),
            new ClientCredentialsIssueHandler(issuer),
            .. refreshTokens is null ? [] : new ITokenRequestHandler[] { new RefreshTokenGrantHandler(refreshTokens) },
            .. subjectTokens is null ? [] : new ITokenRequestHandler[] { new ConfidentialClientHandler(GrantTypes.TokenExchange), new TokenExchangeHandler(subjectTokens, issuer, options.DefaultAudience) },
        ]);
    }

    /// <summary>This pipeline with further handlers appended (a further grant's steps run after the common ones).</summary>
    public TokenRequestPipeline With(IEnumerable<ITokenRequestHandler> handlers)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        return new TokenRequestPipeline([.. _handlers, .. handlers]);
    }

    public async ValueTask<TokenEndpointResult> ProcessAsync(TokenEndpointRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TokenRequestParameters.TryParse(request.Form, out var parameters, out var parseError))
        {
            return TokenEndpointResult.Failure(TokenError.From(parseError), null, false);
        }

        var context = new TokenRequestContext(parameters, request.AuthorizationHeader, _supportedGrantTypes);
        foreach (var handler in _handlers)
        {
            if (handler.GrantType is not null && !string.Equals(handler.GrantType, context.GrantType, StringComparison.Ordinal))
            {
                continue;
            }

            if (await handler.HandleAsync(context, cancellationToken).ConfigureAwait(false) is { } error)
            {
                return TokenEndpointResult.Failure(error, context.Client, context.UsedBasicScheme);
            }

            if (context.Response is not null)
            {
                return TokenEndpointResult.Success(context.Response, context.IssuedAccessToken, context.Client!);
            }
        }

        // A grant whose handlers all passed without issuing is a wiring mistake, never the client's fault.
        throw new InvalidOperationException($"no handler issued a token for grant '{context.GrantType}'");
    }
}
