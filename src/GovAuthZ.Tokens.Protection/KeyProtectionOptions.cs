using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Storage;

namespace GovAuthZ.Tokens.Protection;

/// <summary>Where the Data Protection key ring is kept.</summary>
public enum ProtectionKeyStore
{
    /// <summary>Files under <c>&lt;DataDir&gt;/keys</c>: one server, or replicas sharing that folder.</summary>
    File,

    /// <summary>The token database: every replica on the same database shares the ring.</summary>
    Database,
}

/// <summary>
/// The <c>GovAuthZ:DataProtection</c> section. Without <see cref="KeyStore"/>, SQLite keeps the ring in
/// files and PostgreSQL in the database, since replicas sharing PostgreSQL must unprotect each other's
/// signing keys. Without <see cref="CertificatePath"/>, the ring itself is stored unencrypted.
/// </summary>
public sealed class KeyProtectionOptions
{
    public const string SectionName = "GovAuthZ:DataProtection";

    /// <summary>File or Database; empty picks by store provider.</summary>
    public string? KeyStore { get; set; }

    /// <summary>A PKCS#12 (.pfx) file with an RSA certificate and its private key that encrypts the ring.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>The key store to use with <paramref name="provider"/>; throws GAZ3180 for an unknown name.</summary>
    public ProtectionKeyStore ResolveKeyStore(TokenStoreProvider provider)
    {
        if (string.IsNullOrWhiteSpace(KeyStore))
        {
            return provider == TokenStoreProvider.Postgres ? ProtectionKeyStore.Database : ProtectionKeyStore.File;
        }

        return Enum.TryParse<ProtectionKeyStore>(KeyStore, ignoreCase: true, out var store) && Enum.IsDefined(store)
            ? store
            : throw new GovAuthZException(ErrorCode.KeyProtectionOptionsInvalid, $"{SectionName}:KeyStore '{KeyStore}' is not File or Database");
    }
}
