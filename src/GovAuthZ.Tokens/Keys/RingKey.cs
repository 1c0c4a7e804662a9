using Microsoft.IdentityModel.Tokens;

namespace GovAuthZ.Tokens.Keys;

/// <summary>
/// A loaded key and its timeline. Immutable; shared by every reader of the snapshot that holds it. The
/// crypto objects are never disposed: a reader may still be verifying with them after a swap, and the
/// signature-provider cache of IdentityModel keeps references too.
/// </summary>
internal sealed class RingKey
{
    public RingKey(SigningKeyRecord record, AsymmetricSecurityKey key, JsonWebKeyDocument jwk, DateTimeOffset? retiresAt, TimeSpan retirementWindow)
    {
        Record = record;
        SecurityKey = key;
        Jwk = jwk;
        RetiresAt = retiresAt;
        RemoveAt = retiresAt + retirementWindow;
        Credentials = new SigningCredentials(key, record.Algorithm);
        VerificationKeys = [key];
    }

    public SigningKeyRecord Record { get; }

    public string KeyId => Record.KeyId;

    public string Algorithm => Record.Algorithm;

    public DateTimeOffset SigningFrom => Record.SigningFrom;

    /// <summary>When the next key starts signing; null while no later key exists.</summary>
    public DateTimeOffset? RetiresAt { get; }

    /// <summary>RetiresAt plus the retirement window; null while the key has not retired.</summary>
    public DateTimeOffset? RemoveAt { get; }

    public AsymmetricSecurityKey SecurityKey { get; }

    public SigningCredentials Credentials { get; }

    /// <summary>The key as the one-element sequence a signing-key resolver returns, allocated once.</summary>
    public SecurityKey[] VerificationKeys { get; }

    public JsonWebKeyDocument Jwk { get; }

    public SigningKeyState StateAt(DateTimeOffset now)
    {
        if (now < SigningFrom)
        {
            return SigningKeyState.Published;
        }

        if (RetiresAt is null || now < RetiresAt)
        {
            return SigningKeyState.Active;
        }

        return now < RemoveAt ? SigningKeyState.Retired : SigningKeyState.Removed;
    }

    /// <summary>
    /// Whether a token naming this key may be accepted at <paramref name="now"/>. The skew lets a key start
    /// verifying slightly early, for a replica whose clock runs ahead and already signs with it.
    /// </summary>
    public bool VerifiesAt(DateTimeOffset now, TimeSpan skew) =>
        now + skew >= SigningFrom && (RemoveAt is null || now < RemoveAt);
}
