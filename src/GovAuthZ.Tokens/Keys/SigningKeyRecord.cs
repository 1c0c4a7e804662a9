namespace GovAuthZ.Tokens.Keys;

/// <summary>
/// One key as stored. The private key is PKCS#8, protected by <see cref="IKeyProtector"/>; the public
/// parts are derived on load. The key signs from <see cref="SigningFrom"/> until the next key's
/// SigningFrom; its retirement and removal follow from that and the retirement window.
/// </summary>
public sealed record SigningKeyRecord(
    string KeyId,
    string Algorithm,
    DateTimeOffset CreatedAt,
    DateTimeOffset SigningFrom,
    byte[] ProtectedPrivateKey);

/// <summary>The whole key set with a version for optimistic concurrency between replicas.</summary>
public sealed record SigningKeySet(long Version, IReadOnlyList<SigningKeyRecord> Records)
{
    public static SigningKeySet Empty { get; } = new(0, []);
}
