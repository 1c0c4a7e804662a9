using System.Net;

namespace GovAuthZ.LoadGen.Transport;

/// <summary>
/// A REST call over HTTP/1.1 keep-alive: GET (no bodies) or POST of a JSON body. Success is HTTP 200 with
/// the whole body read; any other status is a failure that quotes the start of the problem details.
/// </summary>
internal sealed class RestCaller : ICaller
{
    private readonly HttpMessageInvoker _client;
    private readonly CallDeadline _deadline;
    private readonly Uri _uri;
    private readonly byte[][]? _bodies;
    private readonly ResponseBuffer _buffer = new();
    private int _next;
    private ReadOnlyMemory<byte> _lastMessage;

    /// <param name="bodies">JSON request bodies to POST in rotation, or null to send GET.</param>
    public RestCaller(string name, HttpMessageInvoker client, Uri uri, byte[][]? bodies, TimeSpan timeout, int start = 0)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (bodies is { Length: 0 })
        {
            throw new ArgumentException("give at least one body, or null for GET", nameof(bodies));
        }

        Name = name;
        _client = client;
        _uri = uri;
        _deadline = new CallDeadline(timeout);
        _bodies = bodies;
        _next = bodies is null ? 0 : (int)((uint)start % (uint)bodies.Length);
    }

    public string Name { get; }

    public int VariantCount => _bodies?.Length ?? 1;

    public ReadOnlyMemory<byte> LastMessage => _lastMessage;

    public void Dispose() => _deadline.Dispose();

    public async ValueTask<CallOutcome> CallAsync(CancellationToken cancellationToken)
    {
        _lastMessage = ReadOnlyMemory<byte>.Empty;
        var token = _deadline.Start(cancellationToken);
        try
        {
            using var request = CreateRequest();
            var outcome = await HttpExchange.SendAsync(_client, request, _buffer, token).ConfigureAwait(false);
            if (!outcome.IsSuccess)
            {
                return outcome;
            }

            _lastMessage = _buffer.Slice(0, _buffer.Length);
            return CallOutcome.Success;
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

    private HttpRequestMessage CreateRequest()
    {
        var request = new HttpRequestMessage(_bodies is null ? HttpMethod.Get : HttpMethod.Post, _uri)
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        if (_bodies is not null)
        {
            var content = new ByteArrayContent(_bodies[_next]);
            content.Headers.TryAddWithoutValidation("content-type", "application/json");
            request.Content = content;
            _next = _next + 1 == _bodies.Length ? 0 : _next + 1;
        }

        return request;
    }
}
