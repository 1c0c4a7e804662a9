using Microsoft.IdentityModel.JsonWebTokens;

namespace GovAuthZ.Tokens.Validation;

/// <summary>
/// Header rules shared by every JWT we accept (RFC 8725 sections 2.1, 3.1, 3.10). Keys come only from our
/// own ring or a client's registered JWKS: a header that points at a key (jku, x5u) or carries one (jwk,
/// x5c) is refused outright rather than ignored, so a token built to exploit a lenient verifier never
/// passes. crit is refused because we implement no extension (RFC 7515 section 4.1.11).
/// </summary>
internal static class JwsHeaderGuard
{
    private static readonly string[] RejectedParameters = ["jku", "jwk", "x5u", "x5c", "crit"];

    public static bool HasRejectedParameter(JsonWebToken token)
    {
        foreach (var name in RejectedParameters)
        {
            if (token.TryGetHeaderValue<object>(name, out _))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether alg is one of <paramref name="accepted"/>; none and HS* are never in that list.</summary>
    public static bool IsAccepted(string? alg, string[] accepted)
    {
        foreach (var candidate in accepted)
        {
            if (string.Equals(alg, candidate, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Parses a compact JWS. Refuses JWE (five parts) and unsigned tokens before any key is looked at.
    /// </summary>
    public static bool TryRead(JsonWebTokenHandler handler, string token, out JsonWebToken jwt)
    {
        jwt = null!;
        try
        {
            jwt = handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return false;
        }

        return !jwt.IsEncrypted && jwt.EncodedSignature.Length > 0;
    }
}
