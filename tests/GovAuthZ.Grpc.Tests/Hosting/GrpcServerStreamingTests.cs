using System.Net;
using System.Text;
using GovAuthZ.Grpc.Protocol;
using GovAuthZ.Tests.Shared.Grpc;

namespace GovAuthZ.Grpc.Tests.Hosting;

public sealed class GrpcServerStreamingTests : IClassFixture<GrpcTestServer>, IDisposable
{
    // A guard against a broken server hanging the run; nothing is timed.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
    private static readonly byte[] Hello = Encoding.UTF8.GetBytes("hello, stream");

    private readonly GrpcTestClient _client;

    public GrpcServerStreamingTests(GrpcTestServer server) => _client = new GrpcTestClient(server.BaseAddress);

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Stream_WhenHandlerWritesThree_ClientReadsThreeThenOkInTrailers()
    {
        await using var call = await StartAsync(StreamService.Count, [3]);

        var messages = await call.ReadToEndAsync();

        Assert.Equal(HttpStatusCode.OK, call.HttpStatus);
        Assert.Equal([[0], [1], [2]], messages);
        Assert.Equal("0", call.Status);
        Assert.True(call.StatusInTrailers);
    }

    [Fact]
    public async Task Stream_WhenHandlerWritesNothing_EndsOkWithoutMessages()
    {
        await using var call = await StartAsync(StreamService.Count, [0]);

        var messages = await call.ReadToEndAsync();

        Assert.Empty(messages);
        Assert.Equal("0", call.Status);
    }

    [Fact]
    public async Task Stream_WhenEachMessageIsWritten_ClientReceivesItBeforeTheNextExists()
    {
        // The response headers go out with the first message, so it must exist before the call returns.
        // The second is produced only after the first was read, so reading the first proves the server
        // flushed it on its own rather than at the end of the call.
        await StreamService.PacedMessages.Writer.WriteAsync("first"u8.ToArray());
        await using var call = await StartAsync(StreamService.Paced, Hello).WaitAsync(Guard);
        var first = await call.ReadMessageAsync().WaitAsync(Guard);
        await StreamService.PacedMessages.Writer.WriteAsync("second"u8.ToArray());
        var second = await call.ReadMessageAsync().WaitAsync(Guard);
        await StreamService.PacedMessages.Writer.WriteAsync([]);
        var end = await call.ReadMessageAsync().WaitAsync(Guard);

        Assert.Equal("first"u8.ToArray(), first);
        Assert.Equal("second"u8.ToArray(), second);
        Assert.Null(end);
        Assert.Equal("0", call.Status);
    }

    [Fact]
    public async Task Stream_WhenHandlerFailsAfterAMessage_StatusAndDetailFollowInTrailers()
    {
        await using var call = await StartAsync(StreamService.FailAfterOne, Hello);

        var messages = await call.ReadToEndAsync();

        Assert.Equal([Hello], messages);
        Assert.Equal("7", call.Status);
        Assert.True(call.StatusInTrailers);
        Assert.Equal(StreamService.FailDetail, StatusMessage.Decode(call.Message!));
    }

    [Fact]
    public async Task Stream_WhenHandlerFailsBeforeAnyMessage_IsTrailersOnly()
    {
        await using var call = await StartAsync(StreamService.FailAtOnce, Hello);

        var messages = await call.ReadToEndAsync();

        Assert.Empty(messages);
        Assert.Equal("5", call.Status);
        Assert.False(call.StatusInTrailers);
    }

    [Fact]
    public async Task Stream_WhenHandlerThrowsAfterAMessage_EndsInternalWithoutLeakingText()
    {
        await using var call = await StartAsync(StreamService.ThrowAfterOne, Hello);

        var messages = await call.ReadToEndAsync();

        Assert.Single(messages);
        Assert.Equal("13", call.Status);
        Assert.Equal("internal error", call.Message);
        await AssertStillServesAsync();
    }

    [Fact]
    public async Task Stream_WhenDeadlinePassesMidStream_EndsDeadlineExceededAfterTheMessagesSent()
    {
        await using var call = await StartAsync(StreamService.UntilCancelled, Hello, Timeout("100m"));

        var messages = await call.ReadToEndAsync().WaitAsync(Guard);

        Assert.Equal([Hello], messages);
        Assert.Equal("4", call.Status);
        Assert.True(call.StatusInTrailers);
        await AssertStillServesAsync();
    }

    [Fact]
    public async Task Stream_WhenHandlerIgnoresItsToken_DeadlineStillEndsTheCall()
    {
        await using var call = await StartAsync(StreamService.IgnoresToken, Hello, Timeout("100m"));

        var messages = await call.ReadToEndAsync().WaitAsync(Guard);

        Assert.Single(messages);
        Assert.Equal("4", call.Status);
    }

    [Fact]
    public async Task Stream_WhenClientResets_HandlerTokenIsCancelledAndServerKeepsServing()
    {
        var call = await StartAsync(StreamService.UntilCancelled, Hello);
        Assert.Equal(Hello, await call.ReadMessageAsync().WaitAsync(Guard));

        // Disposing an unfinished response stream makes HttpClient send RST_STREAM.
        await call.DisposeAsync();

        await StreamService.CancelObserved.Task.WaitAsync(Guard);
        Assert.True(StreamService.CancelObserved.Task.IsCompletedSuccessfully);
        await AssertStillServesAsync();
    }

    [Fact]
    public async Task Write_WhenCallHasEnded_ThrowsOperationCanceled()
    {
        await using (var call = await StartAsync(StreamService.KeepWriter, Hello))
        {
            Assert.Empty(await call.ReadToEndAsync());
            Assert.Equal("0", call.Status);
        }

        var writer = await StreamService.KeptWriter.Task.WaitAsync(Guard);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer.WriteAsync(Hello).AsTask());
        Assert.Equal(0, writer.MessagesWritten);
    }

    [Fact]
    public async Task Stream_WhenRequestTruncated_IsInternalTrailersOnly()
    {
        await using var call = await GrpcStreamingCall.StartAsync(_client.Http, StreamService.Count, GrpcTestClient.Frame(Hello)[..^2]);

        Assert.Empty(await call.ReadToEndAsync());
        Assert.Equal("13", call.Status);
        Assert.False(call.StatusInTrailers);
    }

    [Fact]
    public async Task Stream_WhenRequestOverLimit_IsResourceExhausted()
    {
        await using var call = await StartAsync(StreamService.Count, new byte[GrpcTestServer.MaxReceiveMessageSize + 1]);

        Assert.Empty(await call.ReadToEndAsync());
        Assert.Equal("8", call.Status);
    }

    private static Dictionary<string, string> Timeout(string value) => new() { ["grpc-timeout"] = value };

    private Task<GrpcStreamingCall> StartAsync(string path, byte[] message, IReadOnlyDictionary<string, string>? headers = null) =>
        GrpcStreamingCall.StartAsync(_client.Http, path, GrpcTestClient.Frame(message), headers);

    private async Task AssertStillServesAsync()
    {
        await using var call = await StartAsync(StreamService.Count, [2]);
        Assert.Equal([[0], [1]], await call.ReadToEndAsync());
        Assert.Equal("0", call.Status);
    }
}
