using System.Net;
using System.Text;
using GovAuthZ.Grpc.Protocol;

namespace GovAuthZ.Grpc.Tests.Hosting;

public sealed class GrpcUnaryEndpointTests : IClassFixture<GrpcTestServer>, IDisposable
{
    private static readonly byte[] Hello = Encoding.UTF8.GetBytes("hello, grpc");

    private readonly GrpcTestClient _client;

    public GrpcUnaryEndpointTests(GrpcTestServer server) => _client = new GrpcTestClient(server.BaseAddress);

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Call_WhenEchoed_ReturnsMessageFrameAndOkTrailer()
    {
        var reply = await _client.EchoAsync(Hello);

        Assert.Equal(HttpStatusCode.OK, reply.HttpStatus);
        Assert.Equal("application/grpc", reply.ContentType);
        Assert.Equal("0", reply.Status);
        Assert.True(reply.StatusInTrailers);
        Assert.Equal(GrpcTestClient.Frame(Hello), reply.Body);
    }

    [Fact]
    public async Task Call_WhenClientCancels_HandlerTokenIsCancelledAndServerKeepsServing()
    {
        using var cancel = new CancellationTokenSource();
        var call = _client.SendAndCancelAsync(EchoService.WaitForClient, GrpcTestClient.Frame(Hello), cancel.Token);
        await EchoService.ClientCallStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await EchoService.ClientCancelObserved.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(EchoService.ClientCancelObserved.Task.IsCompletedSuccessfully);
        await AssertStillServesAsync();
    }

    [Fact]
    public async Task Call_WhenContentTypeIsGrpcProto_IsServed()
    {
        var reply = await _client.CallAsync(EchoService.Echo, GrpcTestClient.Frame(Hello), "application/grpc+proto");

        Assert.Equal("0", reply.Status);
        Assert.Equal(GrpcTestClient.Frame(Hello), reply.Body);
    }

    [Fact]
    public async Task Call_WhenMethodUnknown_IsUnimplementedTrailersOnly()
    {
        var reply = await _client.CallAsync("/test.v1.EchoService/Missing", GrpcTestClient.Frame(Hello));

        Assert.Equal(HttpStatusCode.OK, reply.HttpStatus);
        Assert.Equal("12", reply.Status);
        Assert.False(reply.StatusInTrailers);
        Assert.Empty(reply.Body);
        await AssertStillServesAsync();
    }

    [Fact]
    public async Task Call_WhenContentTypeNotGrpc_Is415()
    {
        var reply = await _client.CallAsync(EchoService.Echo, GrpcTestClient.Frame(Hello), "application/json");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, reply.HttpStatus);
        Assert.Null(reply.Status);
        await AssertStillServesAsync();
    }

    [Fact]
    public async Task Call_WhenNotPost_Is405()
    {
        var reply = await _client.CallAsync(EchoService.Echo, GrpcTestClient.Frame(Hello), method: HttpMethod.Put);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, reply.HttpStatus);
        await AssertStillServesAsync();
    }

    [Fact]
    public async Task Call_WhenMessageOverLimit_IsResourceExhausted()
    {
        var reply = await _client.EchoAsync(new byte[GrpcTestServer.MaxReceiveMessageSize + 1]);

        Assert.Equal("8", reply.Status);
        await AssertStillServesAsync();
    }

    [Fact]
    public async Task Call_WhenMessageExactlyAtLimit_IsServed()
    {
        var message = new byte[GrpcTestServer.MaxReceiveMessageSize];

        var reply = await _client.EchoAsync(message);

        Assert.Equal("0", reply.Status);
        Assert.Equal(GrpcTestClient.Frame(message), reply.Body);
    }

    [Fact]
    public async Task Call_WhenRequestGzipCompressed_IsDecompressedAndOk()
    {
        var body = GrpcTestClient.Frame(MessageCompression.CompressGzip(Hello), compressed: true);

        var reply = await _client.CallAsync(EchoService.Echo, body, headers: MessageEncoding("gzip"));

        Assert.Equal("0", reply.Status);
        Assert.Equal(GrpcTestClient.Frame(Hello), reply.Body);
    }

    [Fact]
    public async Task Call_WhenGzipInflatesPastLimit_IsResourceExhausted()
    {
        var bomb = MessageCompression.CompressGzip(new byte[GrpcTestServer.MaxReceiveMessageSize * 64]);

        var reply = await _client.CallAsync(EchoService.Echo, GrpcTestClient.Frame(bomb, compressed: true), headers: MessageEncoding("gzip"));

        Assert.Equal("8", reply.Status);
        await AssertStillServesAsync();
    }

    [Fact]
    public async Task Call_WhenEncodingUnsupported_IsUnimplementedWithAcceptEncoding()
    {
        var reply = await _client.CallAsync(EchoService.Echo, GrpcTestClient.Frame(Hello, compressed: true), headers: MessageEncoding("snappy"));

        Assert.Equal("12", reply.Status);
        Assert.Equal(MessageCompression.AcceptEncoding, reply.AcceptEncoding);
        await AssertStillServesAsync();
    }

    [Fact]
    public async Task Call_WhenDeadlinePassesWhileHandlerWaits_IsDeadlineExceeded()
    {
        var headers = new Dictionary<string, string> { ["grpc-timeout"] = "50m" };

        var reply = await _client.CallAsync(EchoService.WaitForCancel, GrpcTestClient.Frame(Hello), headers: headers);

        Assert.Equal("4", reply.Status);
        await AssertStillServesAsync();
    }

    [Fact]
    public async Task Call_WhenTimeoutMalformed_IsInternal()
    {
        var headers = new Dictionary<string, string> { ["grpc-timeout"] = "soon" };

        var reply = await _client.CallAsync(EchoService.Echo, GrpcTestClient.Frame(Hello), headers: headers);

        Assert.Equal("13", reply.Status);
    }

    [Fact]
    public async Task Call_WhenHandlerThrows_IsInternalWithGenericMessage()
    {
        var reply = await _client.CallAsync(EchoService.Throw, GrpcTestClient.Frame(Hello));

        Assert.Equal("13", reply.Status);
        Assert.Equal("internal error", reply.Message);
        Assert.DoesNotContain("hunter2", reply.Message, StringComparison.Ordinal);
        await AssertStillServesAsync();
    }

    [Fact]
    public async Task Call_WhenHandlerFailsWithNonAsciiDetail_RoundTripsPercentEncodedMessage()
    {
        var reply = await _client.CallAsync(EchoService.Fail, GrpcTestClient.Frame(Hello));

        Assert.Equal("7", reply.Status);
        Assert.NotNull(reply.Message);
        Assert.All(reply.Message, c => Assert.InRange(c, ' ', '~'));
        Assert.Equal(EchoService.NonAsciiDetail, StatusMessage.Decode(reply.Message));
    }

    [Fact]
    public async Task Call_WhenBodyTruncatedInsideFrame_IsInternal()
    {
        var body = GrpcTestClient.Frame(Hello)[..^3];

        var reply = await _client.CallAsync(EchoService.Echo, body);

        Assert.Equal("13", reply.Status);
        await AssertStillServesAsync();
    }

    [Fact]
    public async Task Call_WhenBodyEmpty_IsInternal()
    {
        var reply = await _client.CallAsync(EchoService.Echo, []);

        Assert.Equal("13", reply.Status);
        await AssertStillServesAsync();
    }

    [Fact]
    public async Task Call_WhenTwoMessagesSent_IsInternal()
    {
        var frame = GrpcTestClient.Frame(Hello);

        var reply = await _client.CallAsync(EchoService.Echo, [.. frame, .. frame]);

        Assert.Equal("13", reply.Status);
        await AssertStillServesAsync();
    }

    [Fact]
    public async Task Call_WhenCompressedFlagWithoutEncoding_IsInternal()
    {
        var reply = await _client.CallAsync(EchoService.Echo, GrpcTestClient.Frame(MessageCompression.CompressGzip(Hello), compressed: true));

        Assert.Equal("13", reply.Status);
        await AssertStillServesAsync();
    }

    private static Dictionary<string, string> MessageEncoding(string name) => new() { ["grpc-encoding"] = name };

    private async Task AssertStillServesAsync()
    {
        var reply = await _client.EchoAsync(Hello);
        Assert.Equal("0", reply.Status);
        Assert.Equal(GrpcTestClient.Frame(Hello), reply.Body);
    }
}
