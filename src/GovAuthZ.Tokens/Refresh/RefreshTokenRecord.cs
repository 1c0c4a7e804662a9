using GovAuthZ.Tokens.Issuance;

namespace GovAuthZ.Tokens.Refresh;

/// <summary>
/// One stored refresh token. Only the SHA-256 of the token is kept, so a leaked table yields no usable
/// token. A family is every token rotated from one grant; it shares one absolute expiry.
/// </summary>
public sealed record RefreshTokenRecord
{
    /// <summary>base64url(SHA-256(token)).</summary>
    public required string TokenHash { get; init; }

    public required string FamilyId { get; init; }

    public required string ClientId { get; init; }

    public required string Subject { get; init; }

    /// <summary>The scope of the grant; a rotation keeps it unchanged (RFC 6749 section 6).</summary>
    public required IReadOnlyList<string> Scopes { get; init; }

    public OfficialAttributes? Official { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>This token's expiry: the sliding lifetime, never beyond <see cref="FamilyExpiresAt"/>.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    public required DateTimeOffset FamilyExpiresAt { get; init; }

    /// <summary>When it was exchanged for its successor; a second presentation is reuse (RFC 9700 4.14.2).</summary>
    public DateTimeOffset? UsedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }
}

/// <summary>An access token issued within a family, kept so that revoking the family revokes it too.</summary>
public readonly record struct FamilyAccessToken(string TokenId, DateTimeOffset ExpiresAt);
