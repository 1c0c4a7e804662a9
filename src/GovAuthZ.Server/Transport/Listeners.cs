using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace GovAuthZ.Server.Transport;

/// <summary>
/// Binds the two listeners: REST, OIDC and portal on the HTTP URL (HTTP/1.1 and HTTP/2), gRPC on its own
/// URL with HTTP/2 only, so plain-text gRPC clients can use prior knowledge (h2c) without negotiation.
/// </summary>
internal static class Listeners
{
    public static void Configure(KestrelServerOptions kestrel, string httpUrl, string grpcUrl)
    {
        Listen(kestrel, httpUrl, HttpProtocols.Http1AndHttp2);
        Listen(kestrel, grpcUrl, HttpProtocols.Http2);
    }

    private static void Listen(KestrelServerOptions kestrel, string url, HttpProtocols protocols)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new InvalidOperationException($"listener URL '{url}' must be an absolute http:// URL such as http://127.0.0.1:8080");
        }

        if (uri.Host == "localhost")
        {
            kestrel.ListenLocalhost(uri.Port, options => options.Protocols = protocols);
            return;
        }

        var address = uri.Host is "*" or "+" or "0.0.0.0" ? IPAddress.Any : IPAddress.Parse(uri.Host);
        kestrel.Listen(address, uri.Port, options => options.Protocols = protocols);
    }
}
