using GovAuthZ.Tokens.Clients;
using GovAuthZ.Tokens.Refresh;
using GovAuthZ.Tokens.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GovAuthZ.Server.IntegrationTests.Tokens;

/// <summary>The maintenance timer, driven by a manual clock, prunes refresh token families past their absolute lifetime.</summary>
public sealed class TokenMaintenanceScheduleTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    // Event 1351: the maintenance pass pruned refresh tokens.
    private readonly ClockedTokenServer _server = new(Start, 1351);

    [Fact]
    public async Task Maintenance_WhenClockPassesFamilyExpiry_PrunesExpiredFamiliesOnScheduleAndKeepsLiveOnes()
    {
        var host = _server.Host;
        var service = host.Services.GetRequiredService<RefreshTokenService>();
        var store = host.Services.GetRequiredService<SqlRefreshTokenStore>();
        var client = new OAuthClient { ClientId = "portal-demo" };
        var early = await service.IssueAsync(client, "citizen:zhang", ["openid"], null);
        _server.Clock.Advance(TimeSpan.FromHours(4));
        var later = await service.IssueAsync(client, "citizen:zhang", ["openid"], null);
        Assert.False(_server.Signal.Task.IsCompleted);

        // Past the first family's 8-hour absolute lifetime plus one maintenance period (5 minutes).
        _server.Clock.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(5));
        await _server.Signal.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Null(await store.FindAsync(RefreshTokenService.Hash(early.Token), default));
        Assert.NotNull(await store.FindAsync(RefreshTokenService.Hash(later.Token), default));
    }

    public void Dispose() => _server.Dispose();
}
