using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GovAuthZ.ResourceServer.InteropTests;

/// <summary>
/// The GovAuthZ server as its own process on two free loopback ports, with a fresh temporary data folder
/// (so the development clients are seeded and a new ES256 signing key is made) and the shipped policies.
/// Killed and its folder removed when the tests end.
/// </summary>
public sealed class TokenServerProcess : IAsyncLifetime
{
    public const string ClientId = "pep-demo";
    public const string ClientSecret = "dev-only-pep-demo-secret-do-not-deploy-0001";

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "govauthz-interop-" + Guid.NewGuid().ToString("N"));
    private Process? _process;

    public Uri Authority { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Authority = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "GovAuthZ.Server.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["GovAuthZ__Http__Url"] = Authority.ToString().TrimEnd('/');
        start.Environment["GovAuthZ__Grpc__Url"] = $"http://127.0.0.1:{FreePort()}";
        start.Environment["GovAuthZ__PolicyDir"] = Path.Combine(RepositoryRoot(), "policies");
        start.Environment["GovAuthZ__DataDir"] = _dataDir;
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start the server");
        _process.OutputDataReceived += static (_, _) => { };
        _process.ErrorDataReceived += static (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilReadyAsync();
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }

        return Task.CompletedTask;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"the server exited with status {_process.ExitCode} before it was ready");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(Authority, "/readyz"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or a slow first start.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("the server did not become ready within 60 seconds");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GovAuthZ.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("cannot find the repository root");
    }
}
