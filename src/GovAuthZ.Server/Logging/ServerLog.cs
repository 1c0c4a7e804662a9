namespace GovAuthZ.Server.Logging;

/// <summary>
/// Source-generated log messages for the host. Event ids and names are stable: dashboards and alerts
/// key on them, so a message may be reworded but never renumbered.
/// </summary>
internal static partial class ServerLog
{
    [LoggerMessage(EventId = 1000, EventName = "ServerStarted", Level = LogLevel.Information,
        Message = "GovAuthZ server listening on {HttpUrl} (policies in '{PolicyDir}', data in '{DataDir}')")]
    public static partial void ServerStarted(ILogger logger, string httpUrl, string policyDir, string dataDir);

    [LoggerMessage(EventId = 1001, EventName = "ServerStopping", Level = LogLevel.Information,
        Message = "GovAuthZ server stopping")]
    public static partial void ServerStopping(ILogger logger);

    [LoggerMessage(EventId = 1100, EventName = "PolicyLoaded", Level = LogLevel.Information,
        Message = "Policy revision {Revision} loaded from '{PolicyDir}'")]
    public static partial void PolicyLoaded(ILogger logger, long revision, string policyDir);

    [LoggerMessage(EventId = 1101, EventName = "PolicyLoadFailed", Level = LogLevel.Error,
        Message = "Policy load from '{PolicyDir}' failed; checks are denied until a load succeeds: {Error}")]
    public static partial void PolicyLoadFailed(ILogger logger, string policyDir, string error);

    [LoggerMessage(EventId = 1102, EventName = "PolicyReloaded", Level = LogLevel.Information,
        Message = "Policy revision {Revision} reloaded from '{PolicyDir}' ({Trigger})")]
    public static partial void PolicyReloaded(ILogger logger, long revision, string policyDir, string trigger);

    [LoggerMessage(EventId = 1103, EventName = "PolicyReloadRejected", Level = LogLevel.Error,
        Message = "Policy reload ({Trigger}) rejected with {Code} at {Location}: {Detail}; revision {ServingRevision} keeps serving")]
    public static partial void PolicyReloadRejected(ILogger logger, string trigger, string code, string location, string detail, long servingRevision);

    [LoggerMessage(EventId = 1104, EventName = "PolicyWatchStarted", Level = LogLevel.Information,
        Message = "Watching '{PolicyDir}' for policy changes (debounce {DebounceMs} ms)")]
    public static partial void PolicyWatchStarted(ILogger logger, string policyDir, int debounceMs);

    [LoggerMessage(EventId = 1105, EventName = "PolicyWatchError", Level = LogLevel.Warning,
        Message = "Policy folder watcher reported an error; reloading to resynchronise")]
    public static partial void PolicyWatchError(ILogger logger, Exception error);

    [LoggerMessage(EventId = 1106, EventName = "AdminRequestRefused", Level = LogLevel.Warning,
        Message = "Refused {Path} from non-loopback address {RemoteAddress}")]
    public static partial void AdminRequestRefused(ILogger logger, string path, string remoteAddress);
}
