using Microsoft.Extensions.Logging;

namespace GovAuthZ.Grpc.Hosting;

internal static partial class GrpcLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Method {Method} failed; the client was told INTERNAL")]
    public static partial void HandlerFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Call {Method} ended with status {Status}: {Detail}")]
    public static partial void CallRejected(ILogger logger, string method, Protocol.StatusCode status, string? detail);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Call {Method} was cancelled by the client")]
    public static partial void CallCancelled(ILogger logger, string method);
}
