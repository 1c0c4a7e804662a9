using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using Google.Protobuf;
using GovAuthZ.Core.Errors;
using Microsoft.Net.Http.Headers;

namespace GovAuthZ.Server.Decisions;

/// <summary>Why a REST body was refused before it reached the decision service, and where in the body.</summary>
internal sealed record RequestProblem(ErrorCode Code, string Detail, string? Pointer = null, string? Position = null);

/// <summary>
/// Reads a REST request body as a proto3 JSON message: the media type must be JSON, the body at most the
/// configured size (counted while reading, so a lying or missing Content-Length cannot get more buffered),
/// unknown fields are refused, and a refusal names the place in the body.
/// </summary>
internal static class JsonRequestReader
{
    // Strict parsing: an unknown field is a caller mistake (often a misspelt field) that would otherwise be
    // decided as if the field were absent.
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    public static async Task<(TRequest? Message, RequestProblem? Problem)> ReadAsync<TRequest>(HttpRequest request, int maxBytes)
        where TRequest : class, IMessage<TRequest>, new()
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsJson(request.ContentType))
        {
            return (null, new RequestProblem(ErrorCode.TransportUnsupportedMediaType,
                "the body must be proto3 JSON sent as application/json, not '" + (request.ContentType ?? "no content type") + "'"));
        }

        var body = await ReadBodyAsync(request, maxBytes).ConfigureAwait(false);
        if (body is null)
        {
            return (null, new RequestProblem(ErrorCode.TransportBodyTooLarge,
                string.Create(CultureInfo.InvariantCulture, $"the body is larger than the limit of {maxBytes} bytes")));
        }

        try
        {
            return (Parser.Parse<TRequest>(body), null);
        }
        catch (Exception error) when (error is InvalidProtocolBufferException or InvalidJsonException)
        {
            return (null, Malformed(body, new TRequest().Descriptor, error.Message));
        }
    }

    private static RequestProblem Malformed(string body, Google.Protobuf.Reflection.MessageDescriptor descriptor, string parserMessage)
    {
        var prefix = "the body is not a valid " + descriptor.Name + " in proto3 JSON";
        return ProtoJsonLocator.Locate(body, descriptor) switch
        {
            { Pointer: { } pointer } where => new RequestProblem(ErrorCode.InputMalformedJson,
                prefix + ": " + where.Reason + " at '" + pointer + "'", Pointer: pointer),
            { Position: { } position } where => new RequestProblem(ErrorCode.InputMalformedJson,
                prefix + ": " + where.Reason + " at " + position + " (" + parserMessage + ")", Position: position),
            _ => new RequestProblem(ErrorCode.InputMalformedJson, prefix + ": " + parserMessage),
        };
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.MediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>The body as text, or null when it exceeds <paramref name="maxBytes"/>.</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, int maxBytes)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        PipeReader reader = request.BodyReader;
        var cancel = request.HttpContext.RequestAborted;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(cancel).ConfigureAwait(false);
                var buffer = result.Buffer;
                if (buffer.Length > maxBytes)
                {
                    reader.AdvanceTo(buffer.End);
                    return null;
                }

                if (result.IsCompleted)
                {
                    var text = Encoding.UTF8.GetString(buffer);
                    reader.AdvanceTo(buffer.End);
                    return text;
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        catch (BadHttpRequestException error) when (error.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's own body limit, when it is set below ours.
            return null;
        }
    }
}
