using GovAuthZ.Tokens.Clients;
using GovAuthZ.Tokens.Keys;

namespace GovAuthZ.Tokens.Validation;

/// <summary>
/// The issuer-side logic of introspection (RFC 7662) and revocation (RFC 7009) for our JWT access tokens.
/// The host authenticates the caller with <see cref="ClientAuthenticator"/> first. Refresh tokens join
/// here when the refresh grant exists (token_type_hint is advisory and ignored, RFC 7009 2.1).
/// </summary>
public sealed class TokenIntrospectionService
{
    private readonly AccessTokenValidator _validator;
    private readonly IRevokedTokenStore _revoked;
    private readonly string _issuer;

    public TokenIntrospectionService(TokenOptions options, SigningKeyRing ring, IRevokedTokenStore revokedTokens)
    {
        ArgumentNullException.ThrowIfNull(options);
        _revoked = revokedTokens ?? throw new ArgumentNullException(nameof(revokedTokens));
        _validator = AccessTokenValidator.ForAnyAudience(options, ring, revokedTokens);
        _issuer = options.Issuer;
    }

    /// <summary>Validates one of our access tokens for any audience (the token exchange's subject_token, RFC 8693 2.1).</summary>
    internal ValueTask<AccessTokenValidationResult> ValidateAnyAudienceAsync(string token, CancellationToken cancellationToken) =>
        _validator.ValidateAsync(token, cancellationToken);

    /// <summary>
    /// RFC 7662: active with the token's claims, or just inactive. Only confidential clients may ask
    /// (section 4: introspection must not become a token-scanning oracle for public clients).
    /// </summary>
    public async ValueTask<IntrospectionResponse> IntrospectAsync(string? token, OAuthClient caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Type != ClientType.Confidential)
        {
            return IntrospectionResponse.Inactive;
        }

        var result = await _validator.ValidateAsync(token, cancellationToken).ConfigureAwait(false);
        if (result.Token is not { } t)
        {
            return IntrospectionResponse.Inactive;
        }

        return new IntrospectionResponse
        {
            Active = true,
            Scope = t.Scopes.Count > 0 ? string.Join(' ', t.Scopes) : null,
            ClientId = t.ClientId,
            TokenType = "Bearer",
            ExpiresAt = t.ExpiresAt.ToUnixTimeSeconds(),
            IssuedAt = t.IssuedAt.ToUnixTimeSeconds(),
            Subject = t.Subject,
            Audiences = t.Audiences,
            Issuer = _issuer,
            TokenId = t.TokenId,
            Department = t.Official?.Department,
            Roles = t.Official is { Roles.Count: > 0 } o ? o.Roles : null,
            Level = t.Official?.Level,
            Region = t.Official?.Region,
            Clearance = t.Official?.Clearance,
        };
    }

    /// <summary>
    /// RFC 7009: revokes the token if it is valid and was issued to <paramref name="caller"/> (section 2.1).
    /// Returns whether something was revoked; the endpoint answers 200 either way (section 2.2), so a
    /// caller learns nothing about tokens that are not its own.
    /// </summary>
    public async ValueTask<bool> RevokeAsync(string? token, OAuthClient caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var result = await _validator.ValidateAsync(token, cancellationToken).ConfigureAwait(false);
        if (result.Token is not { } t || !string.Equals(t.ClientId, caller.ClientId, StringComparison.Ordinal))
        {
            return false;
        }

        await _revoked.RevokeAsync(t.TokenId, t.ExpiresAt, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
