using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GovAuthZ.Server.IntegrationTests.Services;
using GovAuthZ.Tokens.Keys;
using GovAuthZ.Tokens.Protection;
using GovAuthZ.Tokens.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GovAuthZ.Server.IntegrationTests.Tokens;

/// <summary>
/// The Data Protection key ring behind the signing keys, on every database: replicas that share the
/// database share the ring, and a configured certificate keeps the ring itself encrypted at rest.
/// Each "replica" is a service provider of its own, with nothing in common but the database.
/// </summary>
public abstract class KeyProtectionSuite(ITestDatabase backend) : DatabaseSuite(backend)
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "govauthz-protection-" + Guid.NewGuid().ToString("N"));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task AddKeyProtection_WhenDatabaseStore_AnotherReplicaUnprotectsTheKey()
    {
        var options = new KeyProtectionOptions { KeyStore = "Database" };
        var secret = RandomNumberGenerator.GetBytes(32);

        var protectedBytes = WithProtector(options, protector => protector.Protect(secret));
        var unprotected = WithProtector(options, protector => protector.Unprotect(protectedBytes));

        Assert.Equal(secret, unprotected);
        var stored = await new SqlProtectionKeyStore(Database, TimeProvider.System).LoadAllAsync();
        Assert.Single(stored);
        Assert.Contains("<key ", stored[0], StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dataDir, StoreLayout.ProtectionKeysFolder)));
    }

    [Fact]
    public async Task AddKeyProtection_WhenCertificateConfigured_StoredRingIsEncryptedAndReadableWithIt()
    {
        var pfx = Path.Combine(_dataDir, "protection.pfx");
        WriteCertificate(pfx, "pfx-password-for-tests");
        var options = new KeyProtectionOptions { KeyStore = "Database", CertificatePath = pfx, CertificatePassword = "pfx-password-for-tests" };
        var secret = RandomNumberGenerator.GetBytes(32);

        var protectedBytes = WithProtector(options, protector => protector.Protect(secret));
        var unprotected = WithProtector(options, protector => protector.Unprotect(protectedBytes));

        Assert.Equal(secret, unprotected);
        var stored = Assert.Single(await new SqlProtectionKeyStore(Database, TimeProvider.System).LoadAllAsync());
        Assert.Contains("encryptedSecret", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", stored, StringComparison.Ordinal);
    }

    [Fact]
    public void AddKeyProtection_WhenCertificateAbsentAtUnprotect_RefusesTheKey()
    {
        var pfx = Path.Combine(_dataDir, "protection.pfx");
        WriteCertificate(pfx, "pfx-password-for-tests");
        var secret = RandomNumberGenerator.GetBytes(32);
        var protectedBytes = WithProtector(
            new KeyProtectionOptions { KeyStore = "Database", CertificatePath = pfx, CertificatePassword = "pfx-password-for-tests" },
            protector => protector.Protect(secret));

        // A replica without the certificate cannot decrypt the ring, so it cannot read the signing key.
        Assert.ThrowsAny<CryptographicException>(() => WithProtector(new KeyProtectionOptions { KeyStore = "Database" }, protector => protector.Unprotect(protectedBytes)));
    }

    [Fact]
    public void AddKeyProtection_WhenFileStore_KeepsTheRingUnderDataDir()
    {
        var secret = RandomNumberGenerator.GetBytes(16);

        var protectedBytes = WithProtector(new KeyProtectionOptions { KeyStore = "File" }, protector => protector.Protect(secret));

        Assert.Equal(secret, WithProtector(new KeyProtectionOptions { KeyStore = "file" }, protector => protector.Unprotect(protectedBytes)));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_dataDir, StoreLayout.ProtectionKeysFolder), "key-*.xml"));
    }

    private T WithProtector<T>(KeyProtectionOptions options, Func<IKeyProtector, T> use)
    {
        using var services = new ServiceCollection()
            .AddSingleton(Database)
            .AddSingleton(TimeProvider.System)
            .AddKeyProtection(options, Database.Provider, _dataDir)
            .BuildServiceProvider();
        return use(services.GetRequiredService<IKeyProtector>());
    }

    internal static void WriteCertificate(string path, string? password, bool withPrivateKey = true)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=GovAuthZ key protection test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        if (withPrivateKey)
        {
            File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
            return;
        }

        // A PKCS#12 file holding the certificate alone: readable, but useless for decryption.
        using var publicOnly = X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert));
        File.WriteAllBytes(path, publicOnly.Export(X509ContentType.Pkcs12, password));
    }
}

/// <summary>The key ring in a SQLite token database.</summary>
public sealed class SqliteKeyProtectionTests() : KeyProtectionSuite(new SqliteTestDatabase());

/// <summary>The key ring in the real PostgreSQL from scripts/services.sh, in a schema of its own.</summary>
[Collection(RealServicesGroup.Name)]
public sealed class PostgresKeyProtectionTests(ServicesFixture services) : KeyProtectionSuite(new PostgresTestSchema(services));
