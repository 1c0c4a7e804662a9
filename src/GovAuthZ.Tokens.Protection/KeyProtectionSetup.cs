using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Keys;
using GovAuthZ.Tokens.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace GovAuthZ.Tokens.Protection;

/// <summary>
/// Registers Data Protection for the token service, the same way for the server and the command line:
/// application name, key ring location, optional certificate, and the <see cref="IKeyProtector"/> the
/// signing key ring uses. A <see cref="TokenDatabase"/> and a <see cref="TimeProvider"/> must be registered.
/// </summary>
public static class KeyProtectionSetup
{
    public static IServiceCollection AddKeyProtection(this IServiceCollection services, KeyProtectionOptions options, TokenStoreProvider provider, string dataDir)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(dataDir);
        var store = options.ResolveKeyStore(provider);
        var certificate = LoadCertificate(options);
        var builder = services.AddDataProtection().SetApplicationName(StoreLayout.ProtectionApplicationName);
        if (store == ProtectionKeyStore.Database)
        {
            services.AddOptions<KeyManagementOptions>().Configure<TokenDatabase, TimeProvider>(
                static (management, database, time) => management.XmlRepository = new DatabaseXmlRepository(new SqlProtectionKeyStore(database, time)));
        }
        else
        {
            builder.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetFullPath(dataDir), StoreLayout.ProtectionKeysFolder)));
        }

        if (certificate is not null)
        {
            // Encrypts each new ring key with the certificate's RSA key and registers the same certificate
            // for decryption, so the ring is unreadable without the .pfx and its password.
            builder.ProtectKeysWithCertificate(certificate);
        }

        services.AddSingleton<IKeyProtector, DataProtectionKeyProtector>();
        return services;
    }

    /// <summary>The configured certificate, or null; throws GAZ3180 when it cannot serve.</summary>
    internal static X509Certificate2? LoadCertificate(KeyProtectionOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return null;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new GovAuthZException(ErrorCode.KeyProtectionOptionsInvalid, $"{KeyProtectionOptions.SectionName}:CertificatePath cannot be read as PKCS#12 with the given password: {ex.Message}");
        }

        using var rsa = certificate.GetRSAPrivateKey();
        if (rsa is null)
        {
            certificate.Dispose();
            throw new GovAuthZException(ErrorCode.KeyProtectionOptionsInvalid, $"{KeyProtectionOptions.SectionName}:CertificatePath must hold an RSA certificate with its private key (XML encryption needs RSA)");
        }

        return certificate;
    }
}
