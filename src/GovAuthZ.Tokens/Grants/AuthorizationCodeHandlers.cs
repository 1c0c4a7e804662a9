using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Authorization;
using GovAuthZ.Tokens.Clients;
using GovAuthZ.Tokens.Errors;
using GovAuthZ.Tokens.Issuance;
using GovAuthZ.Tokens.Refresh;
using GovAuthZ.Tokens.Users;
using GovAuthZ.Tokens.Validation;

namespace GovAuthZ.Tokens.Grants;

/// <summary>The authorization_code grant's steps, appended to a pipeline with <see cref="TokenRequestPipeline.With"/>.</summary>
public static class AuthorizationCodeGrantHandlers
{
    /// <remarks>
    /// With <paramref name="refreshTokens"/>, a client registered for the refresh_token grant also gets a
    /// refresh token (RFC 6749 4.1.4), whose family a replay of the code revokes.
    /// </remarks>
    public static IReadOnlyList<ITokenRequestHandler> Create(
        IAuthorizationCodeStore codes, IUserStore users, IRevokedTokenStore revoked,
        AccessTokenIssuer accessTokens, IdTokenIssuer idTokens, TimeProvider timeProvider, RefreshTokenService? refreshTokens = null)
    {
        var issued = new IssuedFromCodeRevoker(revoked, refreshTokens);
        return
        [
            new AuthorizationCodeRedeemHandler(codes, issued, timeProvider),
            new AuthorizationCodeBindingHandler(),
            new AuthorizationCodeIssueHandler(codes, users, issued, accessTokens, idTokens, refreshTokens),
        ];
    }
}

/// <summary>Revokes what a code produced: its access tokens and the refresh token families started from it (RFC 6749 4.1.2).</summary>
internal sealed class IssuedFromCodeRevoker(IRevokedTokenStore revoked, RefreshTokenService? refreshTokens)
{
    public async ValueTask RevokeAsync(IReadOnlyList<IssuedFromCode> tokens, CancellationToken cancellationToken)
    {
        foreach (var token in tokens)
        {
            await revoked.RevokeAsync(token.TokenId, token.ExpiresAt, cancellationToken).ConfigureAwait(false);
            if (token.RefreshFamilyId is { } family && refreshTokens is not null)
            {
                await refreshTokens.RevokeFamilyAsync(family, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}

/// <summary>
/// Consumes the code, atomically (RFC 6749 4.1.2: single use). A second use is a replay: every token
/// issued from the code is revoked, since the code has evidently leaked (RFC 6749 4.1.2, 10.5).
/// </summary>
internal sealed class AuthorizationCodeRedeemHandler(IAuthorizationCodeStore codes, IssuedFromCodeRevoker issued, TimeProvider time) : ITokenRequestHandler
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
                await issued.RevokeAsync(redemption.IssuedTokens, cancellationToken).ConfigureAwait(false);
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
/// Issues the user's access token (sub = user id, official attributes when an official); with scope openid
/// an ID token with nonce, auth_time, azp and at_hash (OIDC Core 3.1.3.6); and, when the client is
/// registered for the refresh_token grant, a refresh token starting a new family that carries the
/// official's attributes and covers the access token (RFC 6749 4.1.4; rotated on use, RFC 9700 4.14.2).
/// </summary>
internal sealed class AuthorizationCodeIssueHandler(
    IAuthorizationCodeStore codes, IUserStore users, IssuedFromCodeRevoker revoker, AccessTokenIssuer accessTokens, IdTokenIssuer idTokens,
    RefreshTokenService? refreshTokens) : ITokenRequestHandler
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
        var idToken = IssueIdToken(grant, user, client, access);
        IssuedRefreshToken? refresh = null;
        if (refreshTokens is not null && client.AllowsGrantType(GrantTypes.RefreshToken))
        {
            refresh = await refreshTokens.IssueAsync(client, user.UserId, grant.Scopes, user.Official, null, access, cancellationToken).ConfigureAwait(false);
        }

        // Recorded after the refresh family exists, so a replay from now on finds and revokes it; a replay
        // that came earlier is reported back here and everything just issued is revoked at once.
        IssuedFromCode[] issued = [new(access.TokenId, access.ExpiresAt, refresh?.FamilyId)];
        if (await codes.RecordIssuedAsync(context.RedeemedCodeHash!, issued, cancellationToken).ConfigureAwait(false))
        {
            await revoker.RevokeAsync(issued, cancellationToken).ConfigureAwait(false);
            return TokenError.From(ErrorCode.AuthorizationCodeReplayed);
        }

        context.Response = new TokenResponse
        {
            AccessToken = access.Token,
            ExpiresIn = access.ExpiresIn,
            Scope = string.Join(' ', grant.Scopes),
            IdToken = idToken,
            RefreshToken = refresh?.Token,
        };
        context.IssuedAccessToken = access;
        return null;
    }

    /// <summary>With scope openid: the ID token for the same grant, bound to the access token by at_hash.</summary>
    private string? IssueIdToken(AuthorizationCodeGrant grant, UserAccount user, OAuthClient client, IssuedToken access) =>
        OrdinalList.Contains(grant.Scopes, "openid")
            ? idTokens.Issue(new IdTokenDescriptor
            {
                Subject = user.UserId,
                ClientId = client.ClientId,
                AuthTime = grant.AuthTime,
                Nonce = grant.Nonce,
                AccessToken = access.Token,
                SessionId = grant.SessionId,
            }).Token
            : null;
}
