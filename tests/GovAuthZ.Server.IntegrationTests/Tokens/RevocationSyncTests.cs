using GovAuthZ.Server.Tokens;
using GovAuthZ.Tokens.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GovAuthZ.Server.IntegrationTests.Tokens;

/// <summary>
/// A revocation written to the shared database by another replica reaches this replica's in-memory set
/// on the next revocation sync (every 10 s by default), not only with the five-minute maintenance pass.
/// </summary>
public sealed class RevocationSyncTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly TokenServerFactory _factory = new();
    private readonly ManualClock _clock = new(Start);

    // Event 1352: a revocation sync read the store.
    private readonly LogEventSignal _synced = new(1352);

    [Fact]
    public async Task RevocationSync_WhenAnotherReplicaRevokes_RefusedHereAfterOneSyncInterval()
    {
        using var host = _factory.WithWebHostBuilder(builder => builder
            .ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_clock))
            .ConfigureLogging(logging => logging.AddProvider(_synced).AddFilter<LogEventSignal>(null, LogLevel.Debug)));
        var here = host.Services.GetRequiredService<PersistentRevokedTokens>();
        var otherReplica = new PersistentRevokedTokens(host.Services.GetRequiredService<TokenDatabase>(), _clock);

        await otherReplica.RevokeAsync("jti-revoked-elsewhere", Start.AddMinutes(10), default);
        Assert.False(await here.IsRevokedAsync("jti-revoked-elsewhere", default));
        Assert.False(_synced.Task.IsCompleted);

        _clock.Advance(TimeSpan.FromSeconds(10));
        await _synced.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(await here.IsRevokedAsync("jti-revoked-elsewhere", default));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(301)]
    public void ToTokenOptions_WhenRevocationSyncIntervalOutOfRange_ThrowsNamingTheSetting(int seconds)
    {
        var settings = new TokenServiceOptions { RevocationSyncInterval = TimeSpan.FromSeconds(seconds) };

        var error = Assert.Throws<Core.Errors.GovAuthZException>(() => settings.ToTokenOptions("http://127.0.0.1:8080"));

        Assert.Equal(Core.Errors.ErrorCode.TokenOptionsInvalid, error.Code);
        Assert.Contains("RevocationSyncInterval", error.Message, StringComparison.Ordinal);
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
