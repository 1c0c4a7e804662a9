using GovAuthZ.Server.Tokens;
using GovAuthZ.Tokens.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GovAuthZ.Server.IntegrationTests.Tokens;

/// <summary>
/// A revocation written to the shared database by another replica reaches this replica's in-memory set
/// on the next revocation sync (every 10 s by default), not only with the five-minute maintenance pass.
/// </summary>
public sealed class RevocationSyncTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    // Event 1352: a revocation sync read the store.
    private readonly ClockedTokenServer _server = new(Start, 1352);

    [Fact]
    public async Task RevocationSync_WhenAnotherReplicaRevokes_RefusedHereAfterOneSyncInterval()
    {
        var host = _server.Host;
        var here = host.Services.GetRequiredService<PersistentRevokedTokens>();
        var otherReplica = new PersistentRevokedTokens(host.Services.GetRequiredService<TokenDatabase>(), _server.Clock);

        await otherReplica.RevokeAsync("jti-revoked-elsewhere", Start.AddMinutes(10), default);
        Assert.False(await here.IsRevokedAsync("jti-revoked-elsewhere", default));
        Assert.False(_server.Signal.Task.IsCompleted);

        _server.Clock.Advance(TimeSpan.FromSeconds(10));
        await _server.Signal.Task.WaitAsync(TimeSpan.FromSeconds(30));

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

    public void Dispose() => _server.Dispose();
}
