using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace GovAuthZ.Tokens;

/// <summary>
/// The opaque values the token service hands out and the form it stores them in: fresh random bytes as
/// base64url (codes, refresh tokens, secrets, token and session ids), and base64url(SHA-256) of a value
/// as its storage key, so a database dump yields nothing that can be presented.
/// </summary>
public static class OpaqueValues
{
    /// <summary><paramref name="bytes"/> bytes from the OS generator, base64url without padding.</summary>
    public static string New(int bytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, 16);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bytes, 64);
        Span<byte> buffer = stackalloc byte[bytes];
        RandomNumberGenerator.Fill(buffer);
        return Base64Url.EncodeToString(buffer);
    }

    /// <summary>base64url(SHA-256(UTF-8 of <paramref name="value"/>)).</summary>
    public static string Sha256(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(value), hash);
        return Base64Url.EncodeToString(hash);
    }
}
