namespace GovAuthZ.Tokens.Refresh;

/// <summary>
/// Where refresh tokens live. <see cref="RotateAsync"/> is the one operation that must be atomic: of any
/// number of concurrent rotations of the same token exactly one succeeds.
/// </summary>
public interface IRefreshTokenStore
{
    /// <summary>Stores a token that starts or joins a family, with the access token issued alongside (if any).</summary>
    ValueTask CreateAsync(RefreshTokenRecord record, FamilyAccessToken? accessToken, CancellationToken cancellationToken);

    ValueTask<RefreshTokenRecord?> FindAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>
    /// In one step: marks <paramref name="usedHash"/> used if it is neither used nor revoked, stores
    /// <paramref name="successor"/> and records <paramref name="accessToken"/>. False (and no change) otherwise.
    /// </summary>
    ValueTask<bool> RotateAsync(string usedHash, DateTimeOffset usedAt, RefreshTokenRecord successor, FamilyAccessToken accessToken, CancellationToken cancellationToken);

    /// <summary>Marks every token of the family revoked and returns the family's access tokens.</summary>
    ValueTask<IReadOnlyList<FamilyAccessToken>> RevokeFamilyAsync(string familyId, DateTimeOffset revokedAt, CancellationToken cancellationToken);
}
