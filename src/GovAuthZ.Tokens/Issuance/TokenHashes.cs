using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace GovAuthZ.Tokens.Issuance;

/// <summary>
/// The at_hash (and c_hash) value of OIDC Core 3.1.3.6 / 3.3.2.11: hash the ASCII octets of the token with
/// the hash of the ID token's JWS alg (SHA-256 for ES256 and RS256), keep the left-most half, base64url.
/// </summary>
public static class TokenHashes
{
    /// <summary>The left-half hash of <paramref name="token"/> for a JWS signed with <paramref name="algorithm"/>.</summary>
    public static string LeftHalfHash(string token, string algorithm)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(algorithm);
        var ascii = Encoding.ASCII.GetBytes(token);
        byte[] hash = algorithm.AsSpan(2) switch
        {
            "256" => SHA256.HashData(ascii),
            "384" => SHA384.HashData(ascii),
            "512" => SHA512.HashData(ascii),
            _ => throw new ArgumentException($"no hash is defined for algorithm '{algorithm}'", nameof(algorithm)),
        };
        return Base64Url.EncodeToString(hash.AsSpan(0, hash.Length / 2));
    }
}
