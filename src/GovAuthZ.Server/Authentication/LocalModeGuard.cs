using System.Net;
using GovAuthZ.Core.Errors;
using GovAuthZ.Server.Configuration;

namespace GovAuthZ.Server.Authentication;

/// <summary>
/// Refuses to start in local mode on a listener other hosts can reach. Local mode trusts every caller, so
/// on a public address it would hand any network peer the decision API and the right to describe any
/// official: the server fails closed at startup instead.
/// </summary>
internal static class LocalModeGuard
{
    public static void Validate(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Auth.Mode != AuthMode.Local)
        {
            return;
        }

        Require(options.Http.Url, "GovAuthZ:Http:Url");
        Require(options.Grpc.Url, "GovAuthZ:Grpc:Url");
    }

    public static bool IsLoopback(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }

        if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // Wildcard hosts ("*", "+", "0.0.0.0", "[::]") bind every interface and fail here on purpose.
        return IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address);
    }

    private static void Require(string url, string key)
    {
        if (!IsLoopback(url))
        {
            throw new GovAuthZException(
                ErrorCode.ServerConfigurationInvalid,
                $"{key} is '{url}', which is not a loopback address, while GovAuthZ:Auth:Mode is Local; set GovAuthZ:Auth:Mode to Bearer or listen on 127.0.0.1");
        }
    }
}
