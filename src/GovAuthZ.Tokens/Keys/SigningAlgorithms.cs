namespace GovAuthZ.Tokens.Keys;

/// <summary>
/// The JWS algorithms we sign with (RFC 7518 section 3.1). Asymmetric only: an HMAC key would have to be
/// shared with every verifier, and accepting HS* next to a public key invites alg confusion (RFC 8725 2.1).
/// </summary>
public static class SigningAlgorithms
{
    /// <summary>ECDSA on P-256 with SHA-256: the default.</summary>
    public const string ES256 = "ES256";

    /// <summary>RSASSA-PKCS1-v1_5 with SHA-256, modulus of 2048 bits or more.</summary>
    public const string RS256 = "RS256";

    public static bool IsSupported(string? algorithm) =>
        string.Equals(algorithm, ES256, StringComparison.Ordinal) || string.Equals(algorithm, RS256, StringComparison.Ordinal);
}
