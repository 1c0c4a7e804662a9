using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Protection;
using GovAuthZ.Tokens.Storage;

namespace GovAuthZ.Server.IntegrationTests.Tokens;

public sealed class KeyProtectionOptionsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "govauthz-pfx-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(TokenStoreProvider.Sqlite, ProtectionKeyStore.File)]
    [InlineData(TokenStoreProvider.Postgres, ProtectionKeyStore.Database)]
    public void ResolveKeyStore_WhenNotSet_FollowsTheStoreProvider(TokenStoreProvider provider, ProtectionKeyStore expected)
    {
        Assert.Equal(expected, new KeyProtectionOptions().ResolveKeyStore(provider));
    }

    [Theory]
    [InlineData("Cloud")]
    [InlineData("2")]
    public void ResolveKeyStore_WhenUnknownName_ThrowsGaz3180(string name)
    {
        var error = Assert.Throws<GovAuthZException>(() => new KeyProtectionOptions { KeyStore = name }.ResolveKeyStore(TokenStoreProvider.Sqlite));

        Assert.Equal(ErrorCode.KeyProtectionOptionsInvalid, error.Code);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadCertificate_WhenFileMissing_ThrowsGaz3180()
    {
        var error = Assert.Throws<GovAuthZException>(() => KeyProtectionSetup.LoadCertificate(new KeyProtectionOptions { CertificatePath = Path.Combine(_folder, "absent.pfx") }));

        Assert.Equal(ErrorCode.KeyProtectionOptionsInvalid, error.Code);
        Assert.Contains("CertificatePath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadCertificate_WhenPasswordWrong_ThrowsGaz3180()
    {
        var pfx = Path.Combine(_folder, "protection.pfx");
        KeyProtectionSuite.WriteCertificate(pfx, "right-password");

        var error = Assert.Throws<GovAuthZException>(() => KeyProtectionSetup.LoadCertificate(new KeyProtectionOptions { CertificatePath = pfx, CertificatePassword = "wrong-password" }));

        Assert.Equal(ErrorCode.KeyProtectionOptionsInvalid, error.Code);
    }

    [Fact]
    public void LoadCertificate_WhenNoPrivateKey_ThrowsGaz3180()
    {
        var cer = Path.Combine(_folder, "public-only.pfx");
        KeyProtectionSuite.WriteCertificate(cer, password: null, withPrivateKey: false);

        var error = Assert.Throws<GovAuthZException>(() => KeyProtectionSetup.LoadCertificate(new KeyProtectionOptions { CertificatePath = cer }));

        Assert.Equal(ErrorCode.KeyProtectionOptionsInvalid, error.Code);
        Assert.Contains("private key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadCertificate_WhenNotConfigured_ReturnsNull()
    {
        Assert.Null(KeyProtectionSetup.LoadCertificate(new KeyProtectionOptions()));
    }
}
