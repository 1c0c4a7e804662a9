using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Validation;

namespace GovAuthZ.Server.Authentication;

/// <summary>
/// <see cref="IAccessTokenVerifier"/> over this server's own token service: the validator checks the JWT
/// against the signing key ring in memory (RFC 9068 / RFC 8725 rules), the revocation set answers from
/// memory. No key is ever fetched from a URL.
/// </summary>
internal sealed class TokenServiceVerifier : IAccessTokenVerifier
{
    private readonly AccessTokenValidator _validator;
    private readonly IRevokedTokens _revoked;

    public TokenServiceVerifier(AccessTokenValidator validator, IRevokedTokens revoked)
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(revoked);
        _validator = validator;
        _revoked = revoked;
    }

    public async ValueTask<AccessTokenCheck> VerifyAsync(string token, CancellationToken cancellationToken)
    {
        var result = await _validator.ValidateAsync(token, cancellationToken).ConfigureAwait(false);
        if (result.Token is not { } valid)
        {
            var code = result.Code;
            return AccessTokenCheck.Invalid(ErrorCodes.Format(code), ErrorMessages.For(code));
        }

        var scopes = new string[valid.Scopes.Count];
        for (var i = 0; i < scopes.Length; i++)
        {
            scopes[i] = valid.Scopes[i];
        }

        return AccessTokenCheck.Valid(new Caller(valid.ClientId, valid.Subject, scopes, valid.ExpiresAt, valid.TokenId, valid.Official));
    }

    public ValueTask<bool> IsRevokedAsync(string tokenId, CancellationToken cancellationToken) =>
        _revoked.IsRevokedAsync(tokenId, cancellationToken);
}
