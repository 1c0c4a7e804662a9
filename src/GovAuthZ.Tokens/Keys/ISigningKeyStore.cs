namespace GovAuthZ.Tokens.Keys;

/// <summary>
/// Where the key set lives (a database row, a file). Shared by every replica; writes are compare-and-set
/// on <see cref="SigningKeySet.Version"/> so two replicas rotating at once cannot lose a key.
/// </summary>
public interface ISigningKeyStore
{
    ValueTask<SigningKeySet> LoadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="keySet"/> if the stored version still equals <paramref name="expectedVersion"/>;
    /// returns false (and stores nothing) otherwise.
    /// </summary>
    ValueTask<bool> TrySaveAsync(SigningKeySet keySet, long expectedVersion, CancellationToken cancellationToken);
}

/// <summary>
/// Protects private key bytes at rest. The server implements it with ASP.NET Core Data Protection;
/// <see cref="Unprotect"/> throws when the data was tampered with or protected under another key.
/// </summary>
public interface IKeyProtector
{
    byte[] Protect(byte[] plaintext);

    byte[] Unprotect(byte[] protectedData);
}
