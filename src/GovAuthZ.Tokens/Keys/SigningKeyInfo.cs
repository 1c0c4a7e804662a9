namespace GovAuthZ.Tokens.Keys;

/// <summary>A key's identity and timeline as reported by <see cref="SigningKeyRing.GetKeys"/>.</summary>
public sealed record SigningKeyInfo(
    string KeyId,
    string Algorithm,
    SigningKeyState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset SigningFrom,
    DateTimeOffset? RetiresAt,
    DateTimeOffset? RemoveAt);
