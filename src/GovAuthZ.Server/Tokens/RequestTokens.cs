using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace GovAuthZ.Server.Tokens;

/// <summary>
/// The protected, time-limited hidden field that carries a request from a page to its form post. Each page
/// has its own purpose, so a sign-in field cannot be replayed at the consent or logout form. The binding
/// (a session id, or empty) ties a consent form to the session it was shown in.
/// </summary>
internal static class RequestTokens
{
    public const string SignIn = "GovAuthZ.Authorize.Request.v1";
    public const string Consent = "GovAuthZ.Authorize.Consent.v1";
    public const string Logout = "GovAuthZ.EndSession.Request.v1";

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static string Protect(IDataProtectionProvider protection, string purpose, TimeProvider time, string binding, string queryString) =>
        protection.CreateProtector(purpose).Protect(
            time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + "\n" + binding + "\n" + queryString);

    /// <summary>The query string, or null when the field is forged, of another purpose or binding, or older than ten minutes.</summary>
    public static string? Read(IDataProtectionProvider protection, string purpose, TimeProvider time, string binding, string token)
    {
        string plain;
        try
        {
            plain = protection.CreateProtector(purpose).Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var first = plain.IndexOf('\n', StringComparison.Ordinal);
        var second = first < 0 ? -1 : plain.IndexOf('\n', first + 1);
        return second > 0
            && long.TryParse(plain.AsSpan(0, first), NumberStyles.None, CultureInfo.InvariantCulture, out var issued)
            && time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(issued) <= Lifetime
            && plain.AsSpan(first + 1, second - first - 1).SequenceEqual(binding)
                ? plain[(second + 1)..]
                : null;
    }
}
