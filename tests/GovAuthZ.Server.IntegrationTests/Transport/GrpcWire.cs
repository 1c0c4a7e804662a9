using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using GovAuthZ.Tests.Shared.Grpc;

namespace GovAuthZ.Server.IntegrationTests.Transport;

/// <summary>What came back from one raw gRPC call: status, decoded grpc-message and the response body bytes.</summary>
internal sealed record GrpcCallResult(string Status, string Message, byte[] Body)
{
    /// <summary>The payload of the single response message.</summary>
    public byte[] SingleMessage()
    {
        Assert.True(Status == "0", $"grpc-status {Status}: {Message}");
        Assert.True(Body.Length >= 5, "the response has no message frame");
        var length = BinaryPrimitives.ReadInt32BigEndian(Body.AsSpan(1, 4));
        Assert.Equal(Body.Length, 5 + length);
        return Body.AsSpan(5, length).ToArray();
    }
}

/// <summary>
/// Raw gRPC over HTTP/2 with prior knowledge: the tests build frames byte by byte, so they can also send
/// what no well-behaved client would.
/// </summary>
internal sealed class GrpcWire : IDisposable
{
    private readonly HttpClient _client;

    public GrpcWire(Uri grpcBase) =>
        _client = new HttpClient(new SocketsHttpHandler()) { BaseAddress = grpcBase, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Over a given client, e.g. an in-process test server's (which carries trailers too).</summary>
    public GrpcWire(HttpClient client) => _client = client;

    public static byte[] Frame(ReadOnlySpan<byte> message, bool compressed = false, int? declaredLength = null)
    {
        var frame = new byte[5 + message.Length];
        frame[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1, 4), declaredLength ?? message.Length);
        message.CopyTo(frame.AsSpan(5));
        return frame;
    }

    public Task<GrpcCallResult> CallAsync(string path, IMessage request) => CallAsync(path, Frame(request.ToByteArray()));

    public async Task<GrpcCallResult> CallAsync(string path, byte[] body, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = NewRequest(path, body, headers);
        using var response = await _client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new GrpcCallResult(Header(response, "grpc-status"), Uri.UnescapeDataString(Header(response, "grpc-message")), bytes);
    }

    public Task<GrpcStreamingCall> StartStreamAsync(string path, IMessage request, IReadOnlyDictionary<string, string>? headers = null) =>
        GrpcStreamingCall.StartAsync(_client, path, Frame(request.ToByteArray()), headers);

    public void Dispose() => _client.Dispose();

    private static HttpRequestMessage NewRequest(string path, byte[] body, IReadOnlyDictionary<string, string>? headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    // Trailers normally; the headers of a Trailers-Only answer.
    private static string Header(HttpResponseMessage response, string name) =>
        response.TrailingHeaders.TryGetValues(name, out var trailer) ? trailer.First()
        : response.Headers.TryGetValues(name, out var header) ? header.First()
        : string.Empty;
}
