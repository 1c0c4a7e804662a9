using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GovAuthZ.Server.IntegrationTests.Transport;

/// <summary>
/// Runs the real server as its own process on Kestrel (both listeners, free loopback ports, the shipped
/// policies), so the gRPC transport is tested over real HTTP/2 connections rather than an in-memory host.
/// Subclasses point it at another policy folder or settings.
/// </summary>
public class ServerProcessFixture : IAsyncLifetime
{
    // Each server gets a data folder of its own: fixtures run in parallel, and a shared folder would have
    // several processes creating one SQLite store and its first keys at once, and carry state between runs.
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "govauthz-process-" + Guid.NewGuid().ToString("N"));
    private Process? _process;

    public Uri HttpBase { get; private set; } = null!;

    public Uri GrpcBase { get; private set; } = null!;

    /// <summary>The folder the server loads policies from.</summary>
    protected virtual string PolicyDirectory => Path.Combine(RepositoryRoot(), "policies");

    /// <summary>The probe that must answer 2xx before tests run; /healthz for a server that is meant to start unready.</summary>
    protected virtual string ReadyPath => "/readyz";

    /// <summary>Extra settings in environment form (<c>GovAuthZ__Section__Key</c>).</summary>
    protected virtual void Configure(IDictionary<string, string?> environment)
    {
    }

    public virtual async Task InitializeAsync()
    {
        var http = FreePort();
        var grpc = FreePort();
        HttpBase = new Uri($"http://127.0.0.1:{http}");
        GrpcBase = new Uri($"http://127.0.0.1:{grpc}");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "GovAuthZ.Server.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["GovAuthZ__Http__Url"] = HttpBase.ToString().TrimEnd('/');
        start.Environment["GovAuthZ__Grpc__Url"] = GrpcBase.ToString().TrimEnd('/');
        start.Environment["GovAuthZ__PolicyDir"] = PolicyDirectory;
        start.Environment["GovAuthZ__DataDir"] = _dataDir;
        Configure(start.Environment);
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start the server");
        _process.OutputDataReceived += static (_, _) => { };
        _process.ErrorDataReceived += static (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilReadyAsync().ConfigureAwait(false);
    }

    public virtual Task DisposeAsync()
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
        for (var attempt = 0; attempt < 150; attempt++)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"the server exited with status {_process.ExitCode} before it was ready");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(HttpBase, ReadyPath)).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow first start; try again.
            }

            await Task.Delay(200).ConfigureAwait(false);
        }

        throw new TimeoutException("the server did not become ready within 30 seconds");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    protected static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GovAuthZ.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("cannot find the repository root");
    }
}
