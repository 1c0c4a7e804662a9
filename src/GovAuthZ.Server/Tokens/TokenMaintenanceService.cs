using GovAuthZ.Server.Configuration;
using GovAuthZ.Tokens;
using GovAuthZ.Tokens.Keys;
using GovAuthZ.Tokens.Storage;

namespace GovAuthZ.Server.Tokens;

/// <summary>
/// Starts the token service before the server listens (schema, key ring with a first key, revocations,
/// development clients) and then, every <see cref="TokenServiceOptions.MaintenanceInterval"/> on the
/// injected clock, reloads the key set other replicas wrote, rotates when due and prunes expired entries (keys,
/// revocations, authorization codes, refresh tokens and their families).
/// </summary>
internal sealed class TokenMaintenanceService : IHostedService, IDisposable
{
    private readonly TokenDatabase _database;
    private readonly SigningKeyRing _ring;
    private readonly PersistentRevokedTokens _revoked;
    private readonly SqlClientStore _clients;
    private readonly SqlUserStore _users;
    private readonly SqlAuthorizationCodeStore _codes;
    private readonly SqlClientAssertionReplayCache _assertions;
    private readonly SqlEndedSessionStore _endedSessions;
    private readonly SqlRefreshTokenStore _refreshTokens;
    private readonly TokenServiceOptions _settings;
    private readonly ServerOptions _server;
    private readonly TokenOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<TokenMaintenanceService> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    public TokenMaintenanceService(
        TokenDatabase database, SigningKeyRing ring, PersistentRevokedTokens revoked, SqlClientStore clients, SqlUserStore users, SqlAuthorizationCodeStore codes,
        SqlRefreshTokenStore refreshTokens, SqlClientAssertionReplayCache assertions, SqlEndedSessionStore endedSessions,
        TokenServiceOptions settings, ServerOptions server, TokenOptions options, TimeProvider time, ILogger<TokenMaintenanceService> logger)
    {
        _database = database;
        _ring = ring;
        _revoked = revoked;
        _clients = clients;
        _users = users;
        _codes = codes;
        _assertions = assertions;
        _endedSessions = endedSessions;
        _refreshTokens = refreshTokens;
        _settings = settings;
        _server = server;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _database.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await _ring.InitializeAsync(cancellationToken).ConfigureAwait(false);
        var revoked = await _revoked.LoadAsync(cancellationToken).ConfigureAwait(false);
        if (DevelopmentClients.MaySeed(_settings, _server)
            && await DevelopmentClients.SeedIfEmptyAsync(_clients, cancellationToken).ConfigureAwait(false) is > 0 and var seeded)
        {
            TokenLog.DevelopmentClientsSeeded(_logger, seeded);
        }

        await SeedAuthorizationAsync(cancellationToken).ConfigureAwait(false);

        var provider = _database.Provider.ToString();
        var keyCount = _ring.GetKeys().Count;
        TokenLog.TokenServiceReady(_logger, _options.Issuer, provider, keyCount, revoked);
        _loop = RunAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The container was disposed first (a host torn down during start): nothing is running.
            return;
        }

        await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>One maintenance pass; a failure is logged and the next period tries again.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _ring.ReloadAsync(cancellationToken).ConfigureAwait(false);
            if (await _ring.RotateIfDueAsync(cancellationToken).ConfigureAwait(false))
            {
                TokenLog.SigningKeyRotated(_logger);
            }

            await _ring.PruneAsync(cancellationToken).ConfigureAwait(false);
            // Revocations other replicas wrote arrive through RevocationSyncService, far more often than this.
            await _revoked.PruneAsync(cancellationToken).ConfigureAwait(false);

            // A code's record outlives the code by the longest lifetime of what it issued (an access token, or
            // a refresh token family), so a late replay still finds and revokes it (RFC 6749 4.1.2).
            var now = _time.GetUtcNow();
            await _codes.PruneAsync(now - Max(_options.AccessTokenLifetime, _options.RefreshTokenFamilyLifetime), cancellationToken).ConfigureAwait(false);

            // Families past their absolute expiry can never be used again, and their access tokens have expired.
            if (await _refreshTokens.PruneAsync(now, cancellationToken).ConfigureAwait(false) is > 0 and var pruned)
            {
                TokenLog.RefreshTokensPruned(_logger, pruned);
            }
            await _assertions.PruneAsync(now, cancellationToken).ConfigureAwait(false);

            // An ended session's id is needed only until its cookie would have expired anyway.
            await _endedSessions.PruneAsync(now, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            TokenLog.TokenMaintenanceFailed(_logger, ex);
        }
    }

    public void Dispose() => _stopping.Dispose();

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>The portal client and development users, under the same loopback-only rule as the clients.</summary>
    private async Task SeedAuthorizationAsync(CancellationToken cancellationToken)
    {
        if (!DevelopmentClients.MaySeed(_settings, _server))
        {
            return;
        }

        if (await DevelopmentClients.SeedBrowserClientsIfMissingAsync(_clients, cancellationToken).ConfigureAwait(false) is > 0 and var browserClients)
        {
            TokenLog.DevelopmentClientsSeeded(_logger, browserClients);
        }

        if (await DevelopmentClients.SeedUsersIfEmptyAsync(_users, cancellationToken).ConfigureAwait(false) is > 0 and var users)
        {
            AuthorizeLog.DevelopmentUsersSeeded(_logger, users);
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_settings.MaintenanceInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await RunOnceAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }
}
