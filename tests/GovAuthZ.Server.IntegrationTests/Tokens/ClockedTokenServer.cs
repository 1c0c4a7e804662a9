using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GovAuthZ.Server.IntegrationTests.Tokens;

/// <summary>
/// A token server on a manual clock for tests of its timers: the test moves <see cref="Clock"/> and
/// waits for the log event the timer's pass writes. Removes its data folder when disposed.
/// </summary>
internal sealed class ClockedTokenServer : IDisposable
{
    private readonly TokenServerFactory _factory = new();

    public ClockedTokenServer(DateTimeOffset start, int signalEventId)
    {
        Clock = new ManualClock(start);
        Signal = new LogEventSignal(signalEventId);
        Host = _factory.WithWebHostBuilder(builder => builder
            .ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock))
            .ConfigureLogging(logging => logging.AddProvider(Signal).AddFilter<LogEventSignal>(null, LogLevel.Debug)));
    }

    public ManualClock Clock { get; }

    /// <summary>Completes the first time the server logs the event id given at construction.</summary>
    public LogEventSignal Signal { get; }

    public WebApplicationFactory<Program> Host { get; }

    public void Dispose()
    {
        Host.Dispose();
        _factory.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_factory.DataDir))
        {
            Directory.Delete(_factory.DataDir, recursive: true);
        }
    }
}
