namespace GovAuthZ.Tokens.Validation;

/// <summary>The write side of <see cref="IRevokedTokens"/>: the revocation endpoint records token ids here.</summary>
public interface IRevokedTokenStore : IRevokedTokens
{
    /// <summary>Records <paramref name="tokenId"/> as revoked until <paramref name="expiresAt"/>, after which the token is dead anyway.</summary>
    ValueTask RevokeAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken);
}
