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
}
