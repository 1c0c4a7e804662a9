namespace GovAuthZ.Server.Authentication;

/// <summary>
/// Verifies an access token issued by this server (signature, type, issuer, audience, lifetime) without
/// any network call. The token service implements it; the decision API depends only on this seam, so a
/// different issuer could be plugged in.
/// </summary>
internal interface IAccessTokenVerifier
{
    /// <summary>Checks <paramref name="token"/> fully; the result carries the caller or why it failed.</summary>
    ValueTask<AccessTokenCheck> VerifyAsync(string token, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the token with this <c>jti</c> has been revoked since it was verified. Called on every
    /// cached use, so implementations should complete synchronously from memory.
    /// </summary>
    ValueTask<bool> IsRevokedAsync(string tokenId, CancellationToken cancellationToken);
}

/// <summary>The outcome of <see cref="IAccessTokenVerifier.VerifyAsync"/>: a caller, or a code and detail.</summary>
internal readonly record struct AccessTokenCheck(Caller? Caller, string? ErrorCode, string? Detail)
{
    public static AccessTokenCheck Valid(Caller caller) => new(caller, null, null);

    public static AccessTokenCheck Invalid(string errorCode, string detail) => new(null, errorCode, detail);
}
