using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace GovAuthZ.LoadGen.Transport;

/// <summary>
/// A client_credentials token request (RFC 6749 section 4.4) over HTTP/1.1 keep-alive: a form POST
/// authenticated with client_secret_basic (section 2.3.1). Success is HTTP 200 with a JSON body whose
/// access_token is a non-empty string; anything else, including a 200 without a token, is a failure.
/// </summary>
internal sealed class TokenCaller : ICaller
{
    private static readonly MediaTypeHeaderValue FormType = new("application/x-www-form-urlencoded");

    private readonly HttpMessageInvoker _client;
    private readonly CallDeadline _deadline;
    private readonly Uri _uri;
    private readonly byte[] _body;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly ResponseBuffer _buffer = new();
    private ReadOnlyMemory<byte> _lastMessage;

    public TokenCaller(string name, HttpMessageInvoker client, Uri uri, TokenRequest request, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        Name = name;
        _client = client;
        _uri = uri;
        _deadline = new CallDeadline(timeout);
        _body = request.FormBody();
        _authorization = new AuthenticationHeaderValue("Basic", request.BasicCredentials());
    }

    public string Name { get; }

    public int VariantCount => 1;

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

            if (!HasAccessToken(_buffer.Span))
            {
                return CallOutcome.Failure("HTTP 200 without an access_token");
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

    /// <summary>Whether the top-level JSON object has a non-empty string access_token (RFC 6749 section 5.1).</summary>
    internal static bool HasAccessToken(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isToken = reader.ValueTextEquals("access_token"u8);
                if (!reader.Read())
                {
                    return false;
                }

                if (isToken)
                {
                    return reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length > 0;
                }

                reader.Skip();
            }

            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private HttpRequestMessage CreateRequest()
    {
        var content = new ByteArrayContent(_body);
        content.Headers.ContentType = FormType;
        var request = new HttpRequestMessage(HttpMethod.Post, _uri)
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        request.Headers.Authorization = _authorization;
        return request;
    }
}

/// <summary>What a token call sends: the client's credentials and the scope it asks for.</summary>
internal sealed record TokenRequest(string ClientId, string ClientSecret, string? Scope)
{
    /// <summary>
    /// RFC 6749 section 2.3.1: id and secret are form-urlencoded before they are joined with a colon and
    /// base64-encoded, so a colon or non-ASCII character in either survives the round trip.
    /// </summary>
    public string BasicCredentials() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(FormEncode(ClientId) + ":" + FormEncode(ClientSecret)));

    public byte[] FormBody() => Encoding.UTF8.GetBytes(
        "grant_type=client_credentials" + (string.IsNullOrEmpty(Scope) ? string.Empty : "&scope=" + FormEncode(Scope)));

    private static string FormEncode(string value) => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);
}
