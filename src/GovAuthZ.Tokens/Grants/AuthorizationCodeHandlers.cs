using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Authorization;
using GovAuthZ.Tokens.Errors;
using GovAuthZ.Tokens.Issuance;
using GovAuthZ.Tokens.Users;
using GovAuthZ.Tokens.Validation;

namespace GovAuthZ.Tokens.Grants;

/// <summary>The authorization_code grant's steps, appended to a pipeline with <see cref="TokenRequestPipeline.With"/>.</summary>
public static class AuthorizationCodeGrantHandlers
{
    public static IReadOnlyList<ITokenRequestHandler> Create(
        IAuthorizationCodeStore codes, IUserStore users, IRevokedTokenStore revoked,
        AccessTokenIssuer accessTokens, IdTokenIssuer idTokens, TimeProvider timeProvider) =>
    [
        new AuthorizationCodeRedeemHandler(codes, revoked, timeProvider),
        new AuthorizationCodeBindingHandler(),
        new AuthorizationCodeIssueHandler(codes, users, revoked, accessTokens, idTokens),
    ];

    internal static async ValueTask RevokeAsync(IRevokedTokenStore revoked, IReadOnlyList<IssuedFromCode> tokens, CancellationToken cancellationToken)
    {
        foreach (var token in tokens)
        {
            await revoked.RevokeAsync(token.TokenId, token.ExpiresAt, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>
/// Consumes the code, atomically (RFC 6749 4.1.2: single use). A second use is a replay: every token
/// issued from the code is revoked, since the code has evidently leaked (RFC 6749 4.1.2, 10.5).
/// </summary>
internal sealed class AuthorizationCodeRedeemHandler(IAuthorizationCodeStore codes, IRevokedTokenStore revoked, TimeProvider time) : ITokenRequestHandler
{
    public string? GrantType => GrantTypes.AuthorizationCode;

    public async ValueTask<TokenError?> HandleAsync(TokenRequestContext context, CancellationToken cancellationToken)
    {
        var code = context.Parameters.Get(TokenRequestParameterNames.Code);
        if (code is null || context.Parameters.Get(TokenRequestParameterNames.RedirectUri) is null)
        {
            return TokenError.From(ErrorCode.TokenRequestMissingParameter);
        }

        if (code.Length > 128)
        {
            return TokenError.From(ErrorCode.AuthorizationCodeInvalid);
        }

        var hash = AuthorizationCodes.Hash(code);
        var redemption = await codes.RedeemAsync(hash, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        switch (redemption.Status)
        {
            case CodeRedemptionStatus.Replayed:
                await AuthorizationCodeGrantHandlers.RevokeAsync(revoked, redemption.IssuedTokens, cancellationToken).ConfigureAwait(false);
                return TokenError.From(ErrorCode.AuthorizationCodeReplayed);
            case CodeRedemptionStatus.Invalid:
                return TokenError.From(ErrorCode.AuthorizationCodeInvalid);
            default:
                context.RedeemedCode = redemption.Grant;
                context.RedeemedCodeHash = hash;
                return null;
        }
    }
}

/// <summary>
/// The code was issued to this client (RFC 6749 4.1.3), for this redirect_uri, and the caller holds the
/// PKCE verifier (RFC 7636 4.6). Checked after consuming, so a failed attempt also burns the code.
/// </summary>
internal sealed class AuthorizationCodeBindingHandler : ITokenRequestHandler
{
    public string? GrantType => GrantTypes.AuthorizationCode;

    public ValueTask<TokenError?> HandleAsync(TokenRequestContext context, CancellationToken cancellationToken)
    {
        var grant = context.RedeemedCode!;
        if (!string.Equals(grant.ClientId, context.Client!.ClientId, StringComparison.Ordinal))
        {
            return GrantTypeHandler.Reject(ErrorCode.AuthorizationCodeClientMismatch);
        }

        if (!string.Equals(grant.RedirectUri, context.Parameters.Get(TokenRequestParameterNames.RedirectUri), StringComparison.Ordinal))
        {
            return GrantTypeHandler.Reject(ErrorCode.AuthorizationCodeRedirectMismatch);
        }

        var pkce = Pkce.Verify(context.Parameters.Get(TokenRequestParameterNames.CodeVerifier), grant.CodeChallenge, Pkce.S256);
        if (pkce != ErrorCode.None)
        {
            return GrantTypeHandler.Reject(pkce);
        }

        context.GrantedScopes = grant.Scopes;
        return default;
    }
}

/// <summary>
/// Issues the user's access token (sub = user id, official attributes when an official) and, with scope
/// openid, an ID token with nonce, auth_time and azp (OIDC Core 3.1.3.6). No refresh token here.
/// </summary>
internal sealed class AuthorizationCodeIssueHandler(
    IAuthorizationCodeStore codes, IUserStore users, IRevokedTokenStore revoked, AccessTokenIssuer accessTokens, IdTokenIssuer idTokens) : ITokenRequestHandler
{
    public string? GrantType => GrantTypes.AuthorizationCode;

    public async ValueTask<TokenError?> HandleAsync(TokenRequestContext context, CancellationToken cancellationToken)
    {
        var grant = context.RedeemedCode!;
        var user = await users.FindByIdAsync(grant.UserId, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            return TokenError.From(ErrorCode.AuthorizationCodeInvalid);
        }

        var client = context.Client!;
        var access = accessTokens.Issue(new AccessTokenDescriptor
        {
            Subject = user.UserId,
            ClientId = client.ClientId,
            Scopes = grant.Scopes,
            AuthTime = grant.AuthTime,
            Official = user.Official,
        });
        string? idToken = null;
        if (Contains(grant.Scopes, "openid"))
        {
            idToken = idTokens.Issue(new IdTokenDescriptor { Subject = user.UserId, ClientId = client.ClientId, AuthTime = grant.AuthTime, Nonce = grant.Nonce, SessionId = grant.SessionId }).Token;
        }

        IssuedFromCode[] issued = [new(access.TokenId, access.ExpiresAt)];
        if (await codes.RecordIssuedAsync(context.RedeemedCodeHash!, issued, cancellationToken).ConfigureAwait(false))
        {
            await AuthorizationCodeGrantHandlers.RevokeAsync(revoked, issued, cancellationToken).ConfigureAwait(false);
            return TokenError.From(ErrorCode.AuthorizationCodeReplayed);
        }

        context.Response = new TokenResponse { AccessToken = access.Token, ExpiresIn = access.ExpiresIn, Scope = string.Join(' ', grant.Scopes), IdToken = idToken };
        context.IssuedAccessToken = access;
        return null;
    }

    private static bool Contains(IReadOnlyList<string> values, string value)
    {
        foreach (var candidate in values)
        {
            if (string.Equals(candidate, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
