using System.Diagnostics;

namespace GovAuthZ.Server.IntegrationTests.Tokens;

/// <summary>
/// Settings the token service cannot work with stop the real server process before it listens: exit
/// status 2 and one line on standard error with the stable code and the setting, never a stack trace.
/// </summary>
public sealed class StartupRefusalTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "govauthz-refusal-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("GovAuthZ__DataProtection__CertificatePath", "absent.pfx", "GAZ3180", "CertificatePath")]
    [InlineData("GovAuthZ__DataProtection__KeyStore", "Cloud", "GAZ3180", "KeyStore")]
    [InlineData("GovAuthZ__Store__Provider", "Oracle", "GAZ3093", "Provider")]
    public async Task Main_WhenTokenSettingInvalid_ExitsTwoNamingCodeAndSetting(string name, string value, string code, string setting)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "GovAuthZ.Server.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["GovAuthZ__Http__Url"] = "http://127.0.0.1:0";
        start.Environment["GovAuthZ__Grpc__Url"] = "http://127.0.0.1:0";
        start.Environment["GovAuthZ__DataDir"] = _dataDir;
        start.Environment[name] = value == "absent.pfx" ? Path.Combine(_dataDir, value) : value;
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        _ = process.StandardOutput.ReadToEndAsync(timeout.Token);

        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, process.ExitCode);
        var text = await error;
        Assert.StartsWith(code, text, StringComparison.Ordinal);
        Assert.Contains(setting, text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }
}
