
namespace GovAuthZ.Tokens.Authorization;

/// <summary>
/// What an authorization code stands for (RFC 6749 4.1.2): the client, redirect URI, PKCE challenge,
/// user, scopes, nonce and sign-in time it was issued for. Stored under the hash of the code, never the
/// code itself, so a read of the store yields nothing redeemable.
/// </summary>
public sealed record AuthorizationCodeGrant
{
    public required string ClientId { get; init; }

    public required string RedirectUri { get; init; }

    public required string CodeChallenge { get; init; }

    public required string UserId { get; init; }

    public required IReadOnlyList<string> Scopes { get; init; }

    public string? Nonce { get; init; }

    public required DateTimeOffset AuthTime { get; init; }

    /// <summary>The sign-in session the code was issued in, written as sid into the ID token; absent in older records.</summary>
    public string? SessionId { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }
}

/// <summary>How a redemption attempt ended.</summary>
public enum CodeRedemptionStatus
{
    /// <summary>This caller consumed the code; no other caller ever will.</summary>
    Redeemed,

    /// <summary>No such code, or it has expired.</summary>
    Invalid,

    /// <summary>The code was used before: a replay. Tokens issued from it are to be revoked (RFC 6749 4.1.2).</summary>
    Replayed,
}

/// <summary>The outcome of <see cref="IAuthorizationCodeStore.RedeemAsync"/>.</summary>
public readonly record struct CodeRedemption(CodeRedemptionStatus Status, AuthorizationCodeGrant? Grant, IReadOnlyList<IssuedFromCode> IssuedTokens);

/// <summary>
/// A token issued from a code, remembered so a replay can revoke it: the access token and, when one was
/// issued with it, the refresh token family it started. Stored as JSON; records written before the family
/// was recorded read back with <paramref name="RefreshFamilyId"/> null.
/// </summary>
public readonly record struct IssuedFromCode(string TokenId, DateTimeOffset ExpiresAt, string? RefreshFamilyId = null);

/// <summary>
/// Where codes live between the authorization and the token endpoint. Redemption is atomic: of any number
/// of concurrent redemptions of one code exactly one gets <see cref="CodeRedemptionStatus.Redeemed"/>.
/// </summary>
public interface IAuthorizationCodeStore
{
    ValueTask StoreAsync(string codeHash, AuthorizationCodeGrant grant, CancellationToken cancellationToken);

    /// <summary>Consumes the code; a second call returns Replayed with the tokens recorded so far.</summary>
    ValueTask<CodeRedemption> RedeemAsync(string codeHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Records the tokens issued from a redeemed code. Returns true when a replay was seen meanwhile, in
    /// which case the caller revokes them at once (closes the window between redeem and record).
    /// </summary>
    ValueTask<bool> RecordIssuedAsync(string codeHash, IReadOnlyList<IssuedFromCode> tokens, CancellationToken cancellationToken);

    /// <summary>Removes records past their expiry plus the longest token lifetime; returns how many.</summary>
    ValueTask<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken);
}

/// <summary>Code values and their storage keys.</summary>
public static class AuthorizationCodes
{
    /// <summary>RFC 9700 4.5 / RFC 6749 10.10: 256 random bits, base64url (43 characters).</summary>
    public static string NewCode() => OpaqueValues.New(32);

    /// <summary>SHA-256 of the code, base64url: the only form that is stored.</summary>
    public static string Hash(string code) => OpaqueValues.Sha256(code);
}
