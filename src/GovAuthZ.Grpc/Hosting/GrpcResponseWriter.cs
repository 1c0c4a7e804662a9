using System.Globalization;
using GovAuthZ.Grpc.Protocol;
using Microsoft.AspNetCore.Http;

namespace GovAuthZ.Grpc.Hosting;

/// <summary>Writes gRPC responses: headers, messages and trailers, or a trailers-only status.</summary>
internal static class GrpcResponseWriter
{
    public const string StatusHeader = "grpc-status";
    public const string MessageHeader = "grpc-message";
    public const string EncodingHeader = "grpc-encoding";
    public const string AcceptEncodingHeader = "grpc-accept-encoding";
    public const string TimeoutHeader = "grpc-timeout";

    // The wire text of every status, built once so no call formats an integer.
    private static readonly string[] StatusText = BuildStatusText();

    /// <summary>Response-Headers, one uncompressed message, then Trailers with grpc-status 0.</summary>
    public static void WriteMessage(HttpResponse response, in GrpcResult result)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentTypes.Grpc;
        MessageFraming.WriteFrame(response.BodyWriter, result.Message.Span, compressed: false);
        WriteTrailers(response, StatusCode.OK, result.Detail);
    }

    /// <summary>The Trailers that end a call whose Response-Headers (and messages) were already sent.</summary>
    public static void WriteTrailers(HttpResponse response, StatusCode status, string? detail)
    {
        response.AppendTrailer(StatusHeader, Text(status));
        if (!string.IsNullOrEmpty(detail))
        {
            response.AppendTrailer(MessageHeader, StatusMessage.Encode(detail));
        }
    }

    /// <summary>
    /// A Trailers-Only response: HTTP 200 and a single HEADERS frame that carries grpc-status (and
    /// grpc-message) and ends the stream, as the spec permits for calls that fail immediately.
    /// </summary>
    public static void WriteTrailersOnly(HttpResponse response, StatusCode status, string? detail)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentTypes.Grpc;
        response.Headers[StatusHeader] = Text(status);
        if (!string.IsNullOrEmpty(detail))
        {
            response.Headers[MessageHeader] = StatusMessage.Encode(detail);
        }
    }

    private static string Text(StatusCode status)
    {
        var index = (int)status;
        return (uint)index < (uint)StatusText.Length ? StatusText[index] : index.ToString(CultureInfo.InvariantCulture);
    }

    private static string[] BuildStatusText()
    {
        var text = new string[(int)StatusCode.Unauthenticated + 1];
        for (var i = 0; i < text.Length; i++)
        {
            text[i] = i.ToString(CultureInfo.InvariantCulture);
        }

        return text;
    }
}
