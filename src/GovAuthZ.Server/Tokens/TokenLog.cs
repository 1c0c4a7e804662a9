namespace GovAuthZ.Server.Tokens;

/// <summary>
/// Token service log messages. Event ids 1300-1399 are stable. Client ids, key ids and error codes only:
/// never a secret, an assertion or a token.
/// </summary>
internal static partial class TokenLog
{
    [LoggerMessage(EventId = 1300, EventName = "TokenServiceReady", Level = LogLevel.Information,
        Message = "Token service ready: issuer {Issuer}, {Provider} store, {KeyCount} signing key(s), {RevokedCount} revoked token(s) loaded")]
    public static partial void TokenServiceReady(ILogger logger, string issuer, string provider, int keyCount, int revokedCount);

    [LoggerMessage(EventId = 1301, EventName = "DevelopmentClientsSeeded", Level = LogLevel.Warning,
        Message = "Registered {Count} development clients with published secrets (store was empty, listeners are loopback); never use them in production")]
    public static partial void DevelopmentClientsSeeded(ILogger logger, int count);

    [LoggerMessage(EventId = 1302, EventName = "SigningKeyRotated", Level = LogLevel.Information,
        Message = "Signing key rotation started: a new key is published and signs after the lead time")]
    public static partial void SigningKeyRotated(ILogger logger);

    [LoggerMessage(EventId = 1303, EventName = "TokenMaintenanceFailed", Level = LogLevel.Error,
        Message = "Token maintenance (key reload, rotation, pruning) failed; retrying next period")]
    public static partial void TokenMaintenanceFailed(ILogger logger, Exception error);

    [LoggerMessage(EventId = 1310, EventName = "TokenIssued", Level = LogLevel.Debug,
        Message = "Access token issued to client {ClientId}")]
    public static partial void TokenIssued(ILogger logger, string clientId);

    [LoggerMessage(EventId = 1311, EventName = "TokenRequestRejected", Level = LogLevel.Information,
        Message = "Token request rejected with {Code} ({Error}) for client {ClientId}")]
    public static partial void TokenRequestRejected(ILogger logger, string code, string error, string clientId);

    [LoggerMessage(EventId = 1312, EventName = "EndpointClientRejected", Level = LogLevel.Information,
        Message = "{Endpoint} caller rejected with {Code}")]
    public static partial void EndpointClientRejected(ILogger logger, string endpoint, string code);

    [LoggerMessage(EventId = 1313, EventName = "TokenRevoked", Level = LogLevel.Information,
        Message = "Access token revoked by client {ClientId}")]
    public static partial void TokenRevoked(ILogger logger, string clientId);

    [LoggerMessage(EventId = 1314, EventName = "TokenRateLimited", Level = LogLevel.Warning,
        Message = "Token endpoint rate limit reached for {RemoteAddress}")]
    public static partial void TokenRateLimited(ILogger logger, string remoteAddress);

    [LoggerMessage(EventId = 1330, EventName = "RefreshTokenRevoked", Level = LogLevel.Information,
        Message = "Refresh token and its grant's access tokens revoked by client {ClientId}")]
    public static partial void RefreshTokenRevoked(ILogger logger, string clientId);

    [LoggerMessage(EventId = 1350, EventName = "UserInfoRejected", Level = LogLevel.Information,
        Message = "Userinfo request rejected with {Code} ({Error})")]
    public static partial void UserInfoRejected(ILogger logger, string code, string error);

    [LoggerMessage(EventId = 1351, EventName = "RefreshTokensPruned", Level = LogLevel.Debug,
        Message = "Pruned {Count} expired refresh token row(s)")]
    public static partial void RefreshTokensPruned(ILogger logger, int count);

    [LoggerMessage(EventId = 1352, EventName = "RevocationsSynced", Level = LogLevel.Debug,
        Message = "Revocations read from the store: {Count} unexpired")]
    public static partial void RevocationsSynced(ILogger logger, int count);

    [LoggerMessage(EventId = 1353, EventName = "RevocationSyncFailed", Level = LogLevel.Warning,
        Message = "Reading revocations from the store failed; this replica keeps the revocations it has and tries again")]
    public static partial void RevocationSyncFailed(ILogger logger, Exception exception);
}
