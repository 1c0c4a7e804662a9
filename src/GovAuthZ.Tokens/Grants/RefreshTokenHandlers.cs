using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Errors;
using GovAuthZ.Tokens.Refresh;

namespace GovAuthZ.Tokens.Grants;

/// <summary>
/// The refresh_token grant (RFC 6749 section 6). Client authentication already ran: a confidential client
/// proved its credential, a public client is bound to its client_id (RFC 9700 4.14.2, rotation protects
/// it). The token is checked against that client, scope may only narrow, and the token is rotated.
/// </summary>
/// <remarks>
/// No new ID token, even with scope openid: OIDC Core 12.2 lets a refresh response omit it, a refresh is
/// no new authentication, and a re-issued ID token would have to repeat the original auth_time, which the
/// refresh record does not keep. Clients read the user's current claims from the userinfo endpoint.
/// </remarks>
internal sealed class RefreshTokenGrantHandler : ITokenRequestHandler
{
    private readonly RefreshTokenService _refreshTokens;

    public RefreshTokenGrantHandler(RefreshTokenService refreshTokens)
    {
        _refreshTokens = refreshTokens;
    }

    public string? GrantType => GrantTypes.RefreshToken;

    public async ValueTask<TokenError?> HandleAsync(TokenRequestContext context, CancellationToken cancellationToken)
    {
        var token = context.Parameters.Get(TokenRequestParameterNames.RefreshToken);
        if (token is null)
        {
            return TokenError.From(ErrorCode.TokenRequestMissingParameter);
        }

        IReadOnlyList<string>? requested = null;
        if (context.Parameters.Scope is { } scope && !ScopeParser.TryParse(scope, out requested))
        {
            return TokenError.From(ErrorCode.ScopeMalformed);
        }

        var result = await _refreshTokens.RefreshAsync(context.Client!, token, requested, cancellationToken).ConfigureAwait(false);
        if (result.Code != ErrorCode.None)
        {
            return TokenError.From(result.Code);
        }

        context.GrantedScopes = result.Scopes;
        context.IssuedAccessToken = result.AccessToken;
        context.Response = new TokenResponse
        {
            AccessToken = result.AccessToken!.Token,
            ExpiresIn = result.AccessToken.ExpiresIn,
            Scope = string.Join(' ', result.Scopes),
            RefreshToken = result.RefreshToken!.Token,
        };
        return null;
    }
}
