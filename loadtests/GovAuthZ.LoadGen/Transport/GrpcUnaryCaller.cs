using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace GovAuthZ.LoadGen.Transport;

/// <summary>
/// A unary gRPC call over HTTP/2 with prior knowledge (h2c): POST of one framed message, then the
/// response checked in full on every call: HTTP 200, a gRPC content type, grpc-status 0 from the trailers
/// (or from the headers of a Trailers-Only response), and exactly one response message. Anything else is
/// a failure with the reason, so an error is never timed as if it were an answer.
/// </summary>
internal sealed class GrpcUnaryCaller : ICaller
{
    private const string StatusHeader = "grpc-status";
    private const string MessageHeader = "grpc-message";

    private readonly HttpMessageInvoker _client;
    private readonly CallDeadline _deadline;
    private readonly Uri _uri;
    private readonly byte[][] _frames;
    private readonly ResponseBuffer _buffer = new();
    private int _next;
    private ReadOnlyMemory<byte> _lastMessage;

    /// <param name="frames">The requests, each already framed with <see cref="GrpcFraming.Frame"/>.</param>
    /// <param name="start">The variant to begin with, so concurrent workers do not march in step.</param>
    public GrpcUnaryCaller(string name, HttpMessageInvoker client, Uri uri, byte[][] frames, TimeSpan timeout, int start = 0)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentOutOfRangeException.ThrowIfZero(frames.Length);
        Name = name;
        _client = client;
        _uri = uri;
        _deadline = new CallDeadline(timeout);
        _frames = frames;
        _next = (int)((uint)start % (uint)frames.Length);
    }

    public string Name { get; }

    public int VariantCount => _frames.Length;

    public ReadOnlyMemory<byte> LastMessage => _lastMessage;

    public void Dispose() => _deadline.Dispose();

    public async ValueTask<CallOutcome> CallAsync(CancellationToken cancellationToken)
    {
        var frame = _frames[_next];
        _next = _next + 1 == _frames.Length ? 0 : _next + 1;
        _lastMessage = ReadOnlyMemory<byte>.Empty;
        var token = _deadline.Start(cancellationToken);
        try
        {
            using var request = CreateRequest(frame);
            using var response = await _client.SendAsync(request, token).ConfigureAwait(false);
            if (!await _buffer.FillAsync(response.Content, token).ConfigureAwait(false))
            {
                return CallOutcome.Failure("response body over " + ResponseBuffer.MaxBodyLength.ToString(CultureInfo.InvariantCulture) + " bytes");
            }

            return Classify(response);
        }
        catch (Exception error) when (TransportFailure.IsTransport(error, cancellationToken))
        {
            return TransportFailure.Describe(error);
        }
        finally
        {
            _deadline.Stop();
        }
    }

    private HttpRequestMessage CreateRequest(byte[] frame)
    {
        var content = new ByteArrayContent(frame);
        content.Headers.TryAddWithoutValidation("content-type", "application/grpc");
        var request = new HttpRequestMessage(HttpMethod.Post, _uri)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };

        // Required by the protocol: it tells intermediaries the client understands trailers.
        request.Headers.TryAddWithoutValidation("te", "trailers");
        return request;
    }

    private CallOutcome Classify(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return CallOutcome.Failure("HTTP " + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is null || !mediaType.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase))
        {
            return CallOutcome.Failure("content-type '" + mediaType + "' is not application/grpc");
        }

        // Normal responses carry the status in trailers; Trailers-Only responses in the one HEADERS frame.
        var headers = (HttpHeaders)response.TrailingHeaders;
        if (!response.TrailingHeaders.TryGetValues(StatusHeader, out var values))
        {
            headers = response.Headers;
            if (!response.Headers.TryGetValues(StatusHeader, out values))
            {
                return CallOutcome.Failure("no grpc-status in trailers or headers");
            }
        }

        var text = First(values);
        if (!GrpcStatus.TryParse(text, out var code))
        {
            return CallOutcome.Failure("grpc-status '" + text + "' is not a number");
        }

        if (code != GrpcStatus.Ok)
        {
            var detail = headers.TryGetValues(MessageHeader, out var messages) ? GrpcStatus.DecodeMessage(First(messages)) : string.Empty;
            return CallOutcome.Failure("grpc-status " + code.ToString(CultureInfo.InvariantCulture) + " " + GrpcStatus.NameOf(code) + (detail.Length == 0 ? string.Empty : ": " + detail));
        }

        return CheckMessage();
    }

    private CallOutcome CheckMessage()
    {
        var check = GrpcFraming.ReadSingle(_buffer.Span, out var offset, out var length, out var compressed);
        if (check != FrameCheck.Ok)
        {
            return CallOutcome.Failure("grpc-status 0 but the response body is " + check switch
            {
                FrameCheck.Empty => "empty (a unary response has one message)",
                FrameCheck.Truncated => "a truncated message",
                FrameCheck.BadFlag => "a frame with an unknown flag",
                _ => "more than one message",
            });
        }

        // We never advertise grpc-accept-encoding, so a compressed reply breaks the protocol.
        if (compressed)
        {
            return CallOutcome.Failure("compressed response message although no encoding was accepted");
        }

        _lastMessage = _buffer.Slice(offset, length);
        return CallOutcome.Success;
    }

    private static string? First(IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            return value;
        }

        return null;
    }
}
