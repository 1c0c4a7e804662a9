using System.Collections.Frozen;

namespace GovAuthZ.Tokens.Keys;

/// <summary>
/// An immutable view of the key set, published by one reference swap. Keys are ordered by SigningFrom;
/// each key retires when the next one starts signing, so at most one key is active at any instant.
/// </summary>
internal sealed class KeyRingSnapshot
{
    public static KeyRingSnapshot Empty { get; } = new(0, []);

    private readonly FrozenDictionary<string, RingKey> _byKid;

    public KeyRingSnapshot(long version, RingKey[] keys)
    {
        Version = version;
        Keys = keys;
        _byKid = keys.ToFrozenDictionary(k => k.KeyId, StringComparer.Ordinal);
    }

    public long Version { get; }

    public IReadOnlyList<RingKey> Keys { get; }

    public bool TryGet(string kid, out RingKey key) => _byKid.TryGetValue(kid, out key!);

    /// <summary>The newest key whose SigningFrom has passed: the signer. Null when none has started.</summary>
    public RingKey? SignerAt(DateTimeOffset now)
    {
        for (var i = Keys.Count - 1; i >= 0; i--)
        {
            if (Keys[i].SigningFrom <= now)
            {
                return Keys[i];
            }
        }

        return null;
    }

    /// <summary>
    /// Builds the snapshot for <paramref name="set"/>, reusing loaded keys of <paramref name="previous"/>
    /// so a reload does not unprotect or re-import unchanged keys.
    /// </summary>
    public static KeyRingSnapshot Build(SigningKeySet set, KeyRingSnapshot previous, IKeyProtector protector, TimeSpan retirementWindow)
    {
        var records = set.Records.ToArray();
        Array.Sort(records, static (a, b) => a.SigningFrom.CompareTo(b.SigningFrom));
        var keys = new RingKey[records.Length];
        for (var i = 0; i < records.Length; i++)
        {
            var record = records[i];
            DateTimeOffset? retiresAt = i + 1 < records.Length ? records[i + 1].SigningFrom : null;
            if (previous.TryGet(record.KeyId, out var known) && SameKey(known.Record, record))
            {
                keys[i] = new RingKey(record, known.SecurityKey, known.Jwk, retiresAt, retirementWindow);
                continue;
            }

            var (key, jwk) = SigningKeyMaterial.Load(record, protector);
            keys[i] = new RingKey(record, key, jwk, retiresAt, retirementWindow);
        }

        return new KeyRingSnapshot(set.Version, keys);
    }

    private static bool SameKey(SigningKeyRecord a, SigningKeyRecord b) =>
        string.Equals(a.Algorithm, b.Algorithm, StringComparison.Ordinal)
        && a.ProtectedPrivateKey.AsSpan().SequenceEqual(b.ProtectedPrivateKey);
}
