using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using GovAuthZ.Core.Errors;

namespace GovAuthZ.Tokens.Grants;

/// <summary>
/// PKCE (RFC 7636) with S256 only: plain would hand the verifier to anyone who sees the authorization
/// request (RFC 9700 section 2.1.1). The comparison is constant-time.
/// </summary>
public static class Pkce
{
    public const string S256 = "S256";

    /// <summary>RFC 7636 4.1: 43 to 128 characters of [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~".</summary>
    public static bool IsValidVerifier(string? verifier) => verifier is { Length: >= 43 and <= 128 } && AllUnreserved(verifier);

    /// <summary>An S256 challenge is BASE64URL(SHA-256(...)): exactly 43 base64url characters.</summary>
    public static bool IsValidChallenge(string? challenge) => challenge is { Length: 43 } && Base64Url.IsValid(challenge, out var length) && length == 32;

    /// <summary>The S256 challenge of a verifier (RFC 7636 4.2), for clients and tests.</summary>
    public static string CreateChallenge(string verifier)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
    }

    /// <summary>Checks a token request's code_verifier against the stored challenge; ErrorCode.None when it matches.</summary>
    public static ErrorCode Verify(string? verifier, string challenge, string challengeMethod)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        if (!string.Equals(challengeMethod, S256, StringComparison.Ordinal))
        {
            return ErrorCode.PkceMethodUnsupported;
        }

        if (!IsValidVerifier(verifier))
        {
            return ErrorCode.PkceVerifierMalformed;
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.ASCII.GetBytes(verifier!), hash);
        Span<byte> expected = stackalloc byte[32];
        var matches = Base64Url.TryDecodeFromChars(challenge, expected, out var length) && length == 32;
        return matches && CryptographicOperations.FixedTimeEquals(hash, expected) ? ErrorCode.None : ErrorCode.PkceVerifierMismatch;
    }

    private static bool AllUnreserved(string value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '.' or '_' or '~'))
            {
                return false;
            }
        }

        return true;
    }
}
