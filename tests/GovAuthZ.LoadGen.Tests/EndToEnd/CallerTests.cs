using System.Net;
using System.Net.Sockets;
using System.Text;
using GovAuthZ.LoadGen.Running;
using GovAuthZ.LoadGen.Transport;

namespace GovAuthZ.LoadGen.Tests.EndToEnd;

public sealed class CallerTests(StubServer server) : IClassFixture<StubServer>, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly HttpMessageInvoker _grpc = HttpClients.CreateGrpc(Timeout);
    private readonly HttpMessageInvoker _rest = HttpClients.CreateRest(Timeout);

    public void Dispose()
    {
        _grpc.Dispose();
        _rest.Dispose();
    }

    [Fact]
    public async Task GrpcCall_WhenServerAnswersOk_SucceedsOverH2cAndKeepsTheMessage()
    {
        var caller = Grpc(StubServer.Echo, [1, 2, 3]);

        var outcome = await caller.CallAsync(CancellationToken.None);

        Assert.True(outcome.IsSuccess, outcome.Error);
        Assert.Equal(new byte[] { 1, 2, 3 }, caller.LastMessage.ToArray());
    }

    [Fact]
    public async Task GrpcCall_WhenVariants_SendsThemInRotation()
    {
        var caller = new GrpcUnaryCaller("check", _grpc, new Uri(server.GrpcBase, StubServer.Echo), [GrpcFraming.Frame([1]), GrpcFraming.Frame([2])], Timeout, start: 1);
        var seen = new List<byte>();
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await caller.CallAsync(CancellationToken.None)).IsSuccess);
            seen.Add(caller.LastMessage.Span[0]);
        }

        Assert.Equal([2, 1, 2], seen);
    }

    [Fact]
    public async Task GrpcCall_WhenTrailerStatusNotOk_FailsWithStatusNameAndDecodedMessage()
    {
        var outcome = await Grpc(StubServer.Denied).CallAsync(CancellationToken.None);

        Assert.Equal("grpc-status 7 PERMISSION_DENIED: " + StubServer.DeniedDetail, outcome.Error);
    }

    [Fact]
    public async Task GrpcCall_WhenTrailersOnlyResponse_ReadsStatusFromHeaders()
    {
        var outcome = await Grpc(StubServer.TrailersOnly).CallAsync(CancellationToken.None);

        Assert.Equal("grpc-status 5 NOT_FOUND: no such thing", outcome.Error);
    }

    [Fact]
    public async Task GrpcCall_WhenNoStatusAnywhere_Fails()
    {
        var outcome = await Grpc(StubServer.NoStatus).CallAsync(CancellationToken.None);

        Assert.Equal("no grpc-status in trailers or headers", outcome.Error);
    }

    [Fact]
    public async Task GrpcCall_WhenOkWithTwoMessages_Fails()
    {
        var outcome = await Grpc(StubServer.TwoMessages).CallAsync(CancellationToken.None);

        Assert.Equal("grpc-status 0 but the response body is more than one message", outcome.Error);
    }

    [Fact]
    public async Task GrpcCall_WhenHttpStatusNotOk_Fails()
    {
        var outcome = await Grpc(StubServer.NotGrpc).CallAsync(CancellationToken.None);

        Assert.Equal("HTTP 415", outcome.Error);
    }

    [Fact]
    public async Task GrpcCall_WhenNothingListens_FailsAsTransportError()
    {
        var caller = new GrpcUnaryCaller("check", _grpc, new Uri($"http://127.0.0.1:{ClosedPort()}{StubServer.Echo}"), [GrpcFraming.Frame([])], Timeout);

        var outcome = await caller.CallAsync(CancellationToken.None);

        Assert.StartsWith("transport: ", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrpcCall_WhenNoAnswerWithinTimeout_FailsAsTimeoutAndCanCallAgain()
    {
        using var caller = new GrpcUnaryCaller("check", _grpc, new Uri(server.GrpcBase, StubServer.Hang), [GrpcFraming.Frame([])], TimeSpan.FromMilliseconds(200));

        var first = await caller.CallAsync(CancellationToken.None);
        var second = await caller.CallAsync(CancellationToken.None);

        Assert.Equal("timed out (no response within the call timeout)", first.Error);
        Assert.Equal(first.Error, second.Error);
    }

    [Fact]
    public async Task Runner_WhenEveryCallReturnsNonOkStatus_ReportsErrorsAndTimesNone()
    {
        var settings = new LoadSettings { Concurrency = 2, Warmup = TimeSpan.Zero, Count = 20 };

        var result = await ClosedLoopRunner.RunAsync(_ => [Grpc(StubServer.Denied)], settings, CancellationToken.None);

        var check = Assert.Single(result.Scenarios);
        Assert.Equal(0, check.Latency.Count);
        Assert.Equal(20, check.Errors.Total);
        Assert.Equal(20, check.Errors.Counts["grpc-status 7 PERMISSION_DENIED: " + StubServer.DeniedDetail]);
    }

    [Fact]
    public async Task Runner_WhenCallsSucceed_TimesEachOne()
    {
        var settings = new LoadSettings { Concurrency = 2, Connections = 1, Warmup = TimeSpan.Zero, Count = 50 };

        var result = await ClosedLoopRunner.RunAsync(_ => [Grpc(StubServer.Echo, [9])], settings, CancellationToken.None);

        var check = Assert.Single(result.Scenarios);
        Assert.Equal(50, check.Latency.Count);
        Assert.Equal(0, check.Errors.Total);
        Assert.True(check.Latency.Min > 0);
    }

    [Fact]
    public async Task RestCall_WhenPostAnswered_SucceedsAndKeepsTheJson()
    {
        var caller = new RestCaller("check", _rest, new Uri(server.RestBase, "/v1/check"), [Encoding.UTF8.GetBytes("{}")], Timeout);

        var outcome = await caller.CallAsync(CancellationToken.None);

        Assert.True(outcome.IsSuccess, outcome.Error);
        Assert.Contains("\"allowed\":true", Encoding.UTF8.GetString(caller.LastMessage.Span), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestCall_WhenGet_Succeeds()
    {
        var outcome = await new RestCaller("health", _rest, new Uri(server.RestBase, "/healthz"), bodies: null, Timeout).CallAsync(CancellationToken.None);

        Assert.True(outcome.IsSuccess, outcome.Error);
    }

    [Fact]
    public async Task RestCall_WhenProblemDetails_FailsQuotingTheBody()
    {
        var caller = new RestCaller("check", _rest, new Uri(server.RestBase, "/v1/fail"), [Encoding.UTF8.GetBytes("{}")], Timeout);

        var outcome = await caller.CallAsync(CancellationToken.None);

        Assert.StartsWith("HTTP 400: ", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("GAZ2003 unknown dataset", outcome.Error, StringComparison.Ordinal);
    }

    private GrpcUnaryCaller Grpc(string path, byte[]? message = null) =>
        new("check", _grpc, new Uri(server.GrpcBase, path), [GrpcFraming.Frame(message ?? [])], Timeout);

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
