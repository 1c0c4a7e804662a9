using GovAuthZ.Tokens.Clients;
using GovAuthZ.Tokens.Refresh;
using GovAuthZ.Tokens.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GovAuthZ.Server.IntegrationTests.Tokens;

/// <summary>The maintenance timer, driven by a manual clock, prunes refresh token families past their absolute lifetime.</summary>
public sealed class TokenMaintenanceScheduleTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly TokenServerFactory _factory = new();
    private readonly ManualClock _clock = new(Start);
    // Event 1351: the maintenance pass pruned refresh tokens.
    private readonly LogEventSignal _pruned = new(1351);

    [Fact]
    public async Task Maintenance_WhenClockPassesFamilyExpiry_PrunesExpiredFamiliesOnScheduleAndKeepsLiveOnes()
    {
        using var host = _factory.WithWebHostBuilder(builder => builder
            .ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_clock))
            .ConfigureLogging(logging => logging.AddProvider(_pruned).AddFilter<LogEventSignal>(null, LogLevel.Debug)));
        var service = host.Services.GetRequiredService<RefreshTokenService>();
        var store = host.Services.GetRequiredService<SqlRefreshTokenStore>();
        var client = new OAuthClient { ClientId = "portal-demo" };
        var early = await service.IssueAsync(client, "citizen:zhang", ["openid"], null);
        _clock.Advance(TimeSpan.FromHours(4));
        var later = await service.IssueAsync(client, "citizen:zhang", ["openid"], null);
        Assert.False(_pruned.Task.IsCompleted);

        // Past the first family's 8-hour absolute lifetime plus one maintenance period (5 minutes).
        _clock.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(5));
        await _pruned.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Null(await store.FindAsync(RefreshTokenService.Hash(early.Token), default));
        Assert.NotNull(await store.FindAsync(RefreshTokenService.Hash(later.Token), default));
    }

    public void Dispose()
    {
        _factory.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_factory.DataDir))
        {
            Directory.Delete(_factory.DataDir, recursive: true);
        }
    }
}
