using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;

namespace GovAuthZ.Grpc.Tests.Hosting;

/// <summary>What came back from one raw gRPC call.</summary>
public sealed record GrpcReply(HttpStatusCode HttpStatus, string? ContentType, string? Status, string? Message, string? AcceptEncoding, byte[] Body, bool StatusInTrailers);

/// <summary>A hand-written gRPC client: raw bytes over HttpClient with HTTP/2 prior knowledge.</summary>
public sealed class GrpcTestClient : IDisposable
{
    // A generous guard so a broken server fails the test instead of hanging it; no timing is asserted.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private readonly HttpClient _client;

    public HttpClient Http => _client;

    public GrpcTestClient(Uri baseAddress) =>
        _client = new HttpClient(new SocketsHttpHandler()) { BaseAddress = baseAddress, Timeout = Guard };

    public static byte[] Frame(ReadOnlySpan<byte> message, bool compressed = false)
    {
        var frame = new byte[5 + message.Length];
        frame[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)message.Length);
        message.CopyTo(frame.AsSpan(5));
        return frame;
    }

    public async Task<GrpcReply> CallAsync(string path, byte[] body, string contentType = "application/grpc",
        IReadOnlyDictionary<string, string>? headers = null, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, path)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TE.ParseAdd("trailers");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await _client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return new GrpcReply(response.StatusCode, response.Content.Headers.ContentType?.MediaType,
            Find(response, "grpc-status"), Find(response, "grpc-message"), Find(response, "grpc-accept-encoding"), bytes,
            response.TrailingHeaders.Contains("grpc-status"));
    }

    /// <summary>Starts a call and resets the stream once <paramref name="cancel"/> fires.</summary>
    public async Task SendAndCancelAsync(string path, byte[] body, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/grpc");
        using var response = await _client.SendAsync(request, cancel);
    }

    public Task<GrpcReply> EchoAsync(byte[] message) => CallAsync(EchoService.Echo, Frame(message));

    public void Dispose() => _client.Dispose();

    // Trailers normally; the headers for a Trailers-Only response.
    private static string? Find(HttpResponseMessage response, string name) =>
        response.TrailingHeaders.TryGetValues(name, out var trailer) ? trailer.Single()
        : response.Headers.TryGetValues(name, out var header) ? header.Single()
        : null;
}
