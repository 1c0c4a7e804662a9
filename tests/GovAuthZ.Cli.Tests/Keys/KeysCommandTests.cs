using GovAuthZ.Cli.Tests.Driver;

namespace GovAuthZ.Cli.Tests.Keys;

/// <summary>
/// <c>govauthz keys</c> through the real process on a data folder of its own: each run is a separate
/// process, so a key listed after a rotation was read back from the SQLite file and unprotected with the
/// Data Protection key ring the earlier run wrote.
/// </summary>
public sealed class KeysCommandTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "govauthz-cli-keys-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task List_WhenStoreEmpty_PrintsOnlyHeader()
    {
        var result = await CliProcess.RunAsync(string.Empty, "keys", "list", "--data-dir", _dataDir);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["kid\talg\tstate\tcreated\tsigning_from\tretires_at\tremove_at"], result.Lines);
        Assert.True(File.Exists(Path.Combine(_dataDir, "govauthz.db")));
    }

    [Fact]
    public async Task Rotate_WhenRunTwice_ListShowsBothKeysPublishedAfterLeadTime()
    {
        var first = await CliProcess.RunAsync(string.Empty, "keys", "rotate", "--data-dir", _dataDir, "--publish-lead-time", "02:00:00");
        var second = await CliProcess.RunAsync(string.Empty, "keys", "rotate", "--data-dir", _dataDir);
        var list = await CliProcess.RunAsync(string.Empty, "keys", "list", "--data-dir", _dataDir);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        var firstKid = first.Lines[0]["rotated: new key ".Length..];
        var secondKid = second.Lines[0]["rotated: new key ".Length..];
        Assert.NotEqual(firstKid, secondKid);
        var rows = list.Lines[1..].Select(line => line.Split('\t')).ToArray();
        Assert.Equal(2, rows.Length);
        Assert.Equal([firstKid, secondKid], rows.Select(r => r[0]));
        Assert.All(rows, r => Assert.Equal("ES256", r[1]));
        Assert.All(rows, r => Assert.Equal("published", r[2]));
        var created = DateTimeOffset.Parse(rows[0][3], System.Globalization.CultureInfo.InvariantCulture);
        var signingFrom = DateTimeOffset.Parse(rows[0][4], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(signingFrom - created, TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1), TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Rotate_WhenProviderUnknown_ExitsTwoWithCode()
    {
        var result = await CliProcess.RunAsync(string.Empty, "keys", "rotate", "--data-dir", _dataDir, "--store-provider", "Oracle");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("GAZ3093", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotate_WhenCertificateGiven_RingIsEncryptedAndListReadsTheKeyWithIt()
    {
        var pfx = Path.Combine(_dataDir, "protection.pfx");
        WritePasswordlessCertificate(pfx);

        var rotate = await CliProcess.RunAsync(string.Empty, "keys", "rotate", "--data-dir", _dataDir, "--protection-certificate", pfx);
        var list = await CliProcess.RunAsync(string.Empty, "keys", "list", "--data-dir", _dataDir, "--protection-certificate", pfx);

        Assert.Equal(0, rotate.ExitCode);
        Assert.Equal(0, list.ExitCode);
        Assert.Equal(2, list.Lines.Length);
        Assert.Equal(rotate.Lines[0]["rotated: new key ".Length..], list.Lines[1].Split('\t')[0]);
        var ring = File.ReadAllText(Assert.Single(Directory.GetFiles(Path.Combine(_dataDir, "keys"), "key-*.xml")));
        Assert.Contains("encryptedSecret", ring, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", ring, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_WhenCertificateMissing_ExitsTwoWithCode()
    {
        var result = await CliProcess.RunAsync(string.Empty, "keys", "list", "--data-dir", _dataDir, "--protection-certificate", Path.Combine(_dataDir, "absent.pfx"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("GAZ3180", result.StandardError, StringComparison.Ordinal);
    }

    private static void WritePasswordlessCertificate(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=GovAuthZ CLI key protection test", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        File.WriteAllBytes(path, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pkcs12));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }
}
