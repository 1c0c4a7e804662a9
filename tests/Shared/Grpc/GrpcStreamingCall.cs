using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;

namespace GovAuthZ.Tests.Shared.Grpc;

/// <summary>
/// A server-streaming call read message by message as the frames arrive, so a test can observe a message
/// before the server has produced the next one. Disposing resets the stream if it is still open.
/// </summary>
internal sealed class GrpcStreamingCall : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly Stream _body;

    private GrpcStreamingCall(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _body = body;
    }

    public HttpStatusCode HttpStatus => _response.StatusCode;

    public static async Task<GrpcStreamingCall> StartAsync(HttpClient client, string path, byte[] body,
        IReadOnlyDictionary<string, string>? headers = null, CancellationToken cancel = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/grpc");
        request.Headers.TE.ParseAdd("trailers");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel);
        return new GrpcStreamingCall(response, await response.Content.ReadAsStreamAsync(cancel));
    }

    /// <summary>The next message, or null when the stream ended (the status is then readable).</summary>
    public async Task<byte[]?> ReadMessageAsync(CancellationToken cancel = default)
    {
        var header = new byte[5];
        var read = await ReadFullyAsync(header, cancel);
        if (read == 0)
        {
            return null;
        }

        Assert.Equal(5, read);
        Assert.Equal(0, header[0]);
        var message = new byte[BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1))];
        Assert.Equal(message.Length, await ReadFullyAsync(message, cancel));
        return message;
    }

    /// <summary>Reads every remaining message; the stream has ended when this returns.</summary>
    public async Task<List<byte[]>> ReadToEndAsync()
    {
        var messages = new List<byte[]>();
        while (await ReadMessageAsync() is { } message)
        {
            messages.Add(message);
        }

        return messages;
    }

    /// <summary>grpc-status from the trailers, or from the headers of a Trailers-Only answer.</summary>
    public string? Status => Find("grpc-status");

    public string? Message => Find("grpc-message");

    public bool StatusInTrailers => _response.TrailingHeaders.Contains("grpc-status");

    public async ValueTask DisposeAsync()
    {
        await _body.DisposeAsync();
        _response.Dispose();
    }

    private string? Find(string name) =>
        _response.TrailingHeaders.TryGetValues(name, out var trailer) ? trailer.Single()
        : _response.Headers.TryGetValues(name, out var header) ? header.Single()
        : null;

    private async Task<int> ReadFullyAsync(byte[] buffer, CancellationToken cancel)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await _body.ReadAsync(buffer.AsMemory(total), cancel);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
