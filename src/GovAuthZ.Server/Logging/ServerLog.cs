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
}
