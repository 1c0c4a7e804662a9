using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Clients;
using GovAuthZ.Tokens.Errors;

namespace GovAuthZ.Tokens.Grants;

/// <summary>grant_type is present and one we issue for (RFC 6749 5.2 unsupported_grant_type). Implicit and password never are.</summary>
internal sealed class GrantTypeHandler : ITokenRequestHandler
{
    public string? GrantType => null;

    public ValueTask<TokenError?> HandleAsync(TokenRequestContext context, CancellationToken cancellationToken)
    {
        var grantType = context.Parameters.GrantType;
        if (grantType is null)
        {
            return Reject(ErrorCode.TokenRequestMissingParameter);
        }

        if (!context.SupportedGrantTypes.Contains(grantType))
        {
            return Reject(ErrorCode.GrantTypeUnsupported);
        }

        context.GrantType = grantType;
        return default;
    }

    internal static ValueTask<TokenError?> Reject(ErrorCode code) => ValueTask.FromResult<TokenError?>(TokenError.From(code));
}

/// <summary>Authenticates the client (RFC 6749 3.2.1); every later handler can rely on <see cref="TokenRequestContext.Client"/>.</summary>
internal sealed class ClientAuthenticationHandler : ITokenRequestHandler
{
    private readonly ClientAuthenticator _authenticator;

    public ClientAuthenticationHandler(ClientAuthenticator authenticator)
    {
        _authenticator = authenticator;
    }

    public string? GrantType => null;

    public async ValueTask<TokenError?> HandleAsync(TokenRequestContext context, CancellationToken cancellationToken)
    {
        var p = context.Parameters;
        var result = await _authenticator.AuthenticateAsync(
            new ClientCredentials
            {
                AuthorizationHeader = context.AuthorizationHeader,
                ClientId = p.ClientId,
                ClientSecret = p.Get(TokenRequestParameterNames.ClientSecret),
                ClientAssertionType = p.Get(TokenRequestParameterNames.ClientAssertionType),
                ClientAssertion = p.Get(TokenRequestParameterNames.ClientAssertion),
            },
            cancellationToken).ConfigureAwait(false);
        context.UsedBasicScheme = result.UsedBasicScheme;
        if (!result.Succeeded)
        {
            return result.Error;
        }

        context.Client = result.Client;
        context.AuthenticationMethod = result.Method;
        return null;
    }
}

/// <summary>The client registered this grant type (RFC 6749 5.2 unauthorized_client).</summary>
internal sealed class ClientGrantTypeHandler : ITokenRequestHandler
{
    public string? GrantType => null;

    public ValueTask<TokenError?> HandleAsync(TokenRequestContext context, CancellationToken cancellationToken) =>
        context.Client!.AllowsGrantType(context.GrantType) ? default : GrantTypeHandler.Reject(ErrorCode.GrantTypeNotAllowed);
}

/// <summary>
/// Scope for grants where the client asks for it directly (RFC 6749 3.3): syntax, every name known to
/// the server (else invalid_scope), then narrowed to what the client is allowed. No scope requested means
/// the client's whole allowed set; nothing left after narrowing is invalid_scope.
/// </summary>
internal sealed class RequestedScopeHandler : ITokenRequestHandler
{
    private readonly HashSet<string> _supported;

    public RequestedScopeHandler(string grantType, IEnumerable<string> supportedScopes)
    {
        GrantType = grantType;
        _supported = new HashSet<string>(supportedScopes, StringComparer.Ordinal);
    }

    public string? GrantType { get; }

    public ValueTask<TokenError?> HandleAsync(TokenRequestContext context, CancellationToken cancellationToken)
    {
        var client = context.Client!;
        IReadOnlyList<string> requested = client.Scopes;
        if (context.Parameters.Scope is { } scope && !ScopeParser.TryParse(scope, out requested))
        {
            return GrantTypeHandler.Reject(ErrorCode.ScopeMalformed);
        }

        var granted = new List<string>(requested.Count);
        foreach (var name in requested)
        {
            if (!_supported.Contains(name))
            {
                return GrantTypeHandler.Reject(ErrorCode.ScopeUnknown);
            }

            if (client.AllowsScope(name))
            {
                granted.Add(name);
            }
        }

        if (granted.Count == 0)
        {
            return GrantTypeHandler.Reject(ErrorCode.ScopeNotAllowed);
        }

        context.GrantedScopes = granted;
        return default;
    }
}
