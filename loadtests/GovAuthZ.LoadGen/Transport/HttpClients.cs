using System.Net;

namespace GovAuthZ.LoadGen.Transport;

/// <summary>
/// The HTTP stacks the callers share: a bare <see cref="HttpMessageInvoker"/> over SocketsHttpHandler,
/// not HttpClient, whose Timeout would link a new token source on every call (callers time out with
/// <see cref="CallDeadline"/> instead). Each gRPC invoker is pinned to one HTTP/2 connection, so "one
/// connection" in a report means exactly that and interleaved calls see the same connection state.
/// </summary>
internal static class HttpClients
{
    /// <summary>For h2c with prior knowledge: requests say HTTP/2 exactly, so no upgrade, no TLS.</summary>
    public static HttpMessageInvoker CreateGrpc(TimeSpan connectTimeout) => new(CreateHandler(connectTimeout));

    /// <summary>For HTTP/1.1 keep-alive; the pool opens one connection per concurrent call and keeps it.</summary>
    public static HttpMessageInvoker CreateRest(TimeSpan connectTimeout) => new(CreateHandler(connectTimeout));

    private static SocketsHttpHandler CreateHandler(TimeSpan connectTimeout) => new()
    {
        // A proxy from the environment would put another process between client and server.
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        EnableMultipleHttp2Connections = false,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
        ConnectTimeout = connectTimeout,
    };
}
