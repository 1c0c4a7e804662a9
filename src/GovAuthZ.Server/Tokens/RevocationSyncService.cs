using GovAuthZ.Tokens.Storage;

namespace GovAuthZ.Server.Tokens;

/// <summary>
/// Every <see cref="TokenServiceOptions.RevocationSyncInterval"/> on the injected clock, reads the
/// revocations other replicas wrote to the shared database into this replica's memory set, which every
/// token validation consults. Without it they arrived only with the maintenance pass (minutes); the
/// query is small, since the table holds only revocations of tokens that have not yet expired.
/// Started after <see cref="TokenMaintenanceService"/>, which creates the schema and loads the set first.
/// </summary>
internal sealed class RevocationSyncService : IHostedService, IDisposable
{
    private readonly PersistentRevokedTokens _revoked;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly ILogger<RevocationSyncService> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    public RevocationSyncService(PersistentRevokedTokens revoked, TokenServiceOptions settings, TimeProvider time, ILogger<RevocationSyncService> logger)
    {
        _revoked = revoked;
        _interval = settings.RevocationSyncInterval;
        _time = time;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = RunAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_interval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await SyncOnceAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    /// <summary>One read; a failure is logged and the next tick tries again (validation keeps the set it has).</summary>
    private async Task SyncOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var count = await _revoked.LoadAsync(cancellationToken).ConfigureAwait(false);
            TokenLog.RevocationsSynced(_logger, count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            TokenLog.RevocationSyncFailed(_logger, ex);
        }
    }
}
