using GovAuthZ.Tokens.Keys;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GovAuthZ.Tokens.Issuance;

/// <summary>
/// Signs a claim set with the ring's current signer. Times come from the injected clock, truncated to whole
/// seconds so the NumericDate values in the token equal the times reported to the caller. The handler is
/// told not to add its own times (it would read the system clock).
/// </summary>
internal sealed class JwtWriter
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningKeyRing _ring;
    private readonly string _issuer;

    public JwtWriter(SigningKeyRing ring, string issuer)
    {
        _ring = ring;
        _issuer = issuer;
    }

    /// <param name="hashedToken">
    /// An access token issued alongside: its at_hash (OIDC Core 3.1.3.6) is added with the hash of the
    /// signer's alg, which is only known here, once the signer is chosen.
    /// </param>
    public IssuedToken Write(string type, IReadOnlyList<string> audiences, Dictionary<string, object> claims, TimeSpan lifetime, string? hashedToken = null)
    {
        // The signer is chosen at the exact instant; only the claim times are truncated (a key that started
        // signing half a second ago is the signer even though iat rounds down to before its start).
        var exact = _ring.Time.GetUtcNow();
        var signer = _ring.GetSigner(exact);
        var now = DateTimeOffset.FromUnixTimeSeconds(exact.ToUnixTimeSeconds());
        var tokenId = NewTokenId();
        claims[TokenClaimNames.TokenId] = tokenId;
        if (hashedToken is not null)
        {
            claims[TokenClaimNames.AccessTokenHash] = TokenHashes.LeftHalfHash(hashedToken, signer.Algorithm);
        }

        var expires = now + lifetime;
        var descriptor = new SecurityTokenDescriptor
        {
            TokenType = type,
            Issuer = _issuer,
            IssuedAt = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = signer.Credentials,
            Claims = claims,
        };
        if (audiences.Count == 1)
        {
            descriptor.Audience = audiences[0];
        }
        else
        {
            foreach (var audience in audiences)
            {
                descriptor.Audiences.Add(audience);
            }
        }

        return new IssuedToken(_handler.CreateToken(descriptor), tokenId, signer.KeyId, now, expires);
    }

    /// <summary>128 random bits, base64url: unguessable and unique without coordination (RFC 7519 4.1.7).</summary>
    public static string NewTokenId() => OpaqueValues.New(16);
}
