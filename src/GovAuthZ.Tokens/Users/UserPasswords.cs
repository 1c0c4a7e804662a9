using Microsoft.AspNetCore.Identity;

namespace GovAuthZ.Tokens.Users;

/// <summary>
/// End-user password hashing with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2,
/// versioned format, constant-time compare). Thread-safe.
/// </summary>
public static class UserPasswords
{
    private static readonly PasswordHasher<UserAccount> Hasher = new();

    // Verified when the user id is unknown, so an unknown id costs the same PBKDF2 work as a wrong
    // password and response time does not reveal which ids exist.
    private static readonly Lazy<string> DecoyHash = new(() => Hasher.HashPassword(null!, "decoy-password-never-matches"));

    public static string Hash(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        return Hasher.HashPassword(null!, password);
    }

    /// <summary>Whether <paramref name="password"/> matches; a null user checks against a decoy and fails.</summary>
    public static bool Verify(UserAccount? user, string? password)
    {
        var hash = user?.PasswordHash ?? DecoyHash.Value;
        var result = Hasher.VerifyHashedPassword(user!, hash, password ?? string.Empty);
        return user is not null && !string.IsNullOrEmpty(password) && result != PasswordVerificationResult.Failed;
    }
}
