using System.Net;

namespace GovAuthZ.LoadGen.Transport;

/// <summary>
/// The HTTP clients the callers share. Each gRPC client is pinned to one HTTP/2 connection, so "one
/// connection" in a report means exactly that and interleaved calls see the same connection state.
/// </summary>
internal static class HttpClients
{
    /// <summary>h2c with prior knowledge: HTTP/2 from the first byte, no upgrade, no TLS.</summary>
    public static HttpClient CreateGrpc(TimeSpan timeout) => new(CreateHandler(timeout))
    {
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Timeout = timeout,
    };

    /// <summary>HTTP/1.1 keep-alive; the pool opens one connection per concurrent call and keeps it.</summary>
    public static HttpClient CreateRest(TimeSpan timeout) => new(CreateHandler(timeout))
    {
        DefaultRequestVersion = HttpVersion.Version11,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Timeout = timeout,
    };

    private static SocketsHttpHandler CreateHandler(TimeSpan timeout) => new()
    {
        // A proxy from the environment would put another process between client and server.
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        EnableMultipleHttp2Connections = false,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
        ConnectTimeout = timeout,
    };
}
