using GovAuthZ.Contracts.Health.V1;
using ServingStatus = GovAuthZ.Contracts.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace GovAuthZ.Server.IntegrationTests.Transport;

/// <summary>grpc.health.v1.Health/Watch on the real server with the shipped policies loaded.</summary>
public sealed class HealthWatchTests : IClassFixture<ServerProcessFixture>, IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
    private readonly GrpcWire _wire;

    public HealthWatchTests(ServerProcessFixture server) => _wire = new GrpcWire(server.GrpcBase);

    public void Dispose() => _wire.Dispose();

    [Theory]
    [InlineData("")]
    [InlineData("govauthz.decision.v1.DecisionService")]
    public async Task Watch_WhenPoliciesLoaded_SendsServingAtOnce(string service)
    {
        await using var call = await _wire.StartStreamAsync(HealthGrpcPath.Watch, new HealthCheckRequest { Service = service });

        var first = await call.ReadMessageAsync().WaitAsync(Guard);

        Assert.NotNull(first);
        Assert.Equal(ServingStatus.Serving, HealthCheckResponse.Parser.ParseFrom(first).Status);
    }

    [Fact]
    public async Task Watch_WhenNothingChanges_StaysOpenUntilTheDeadline()
    {
        // Had the server ended the stream by itself the status would be OK; DEADLINE_EXCEEDED shows the
        // client's deadline was what ended it.
        await using var call = await _wire.StartStreamAsync(HealthGrpcPath.Watch, new HealthCheckRequest(), Timeout("300m"));

        var messages = await call.ReadToEndAsync().WaitAsync(Guard);

        Assert.Equal([ServingStatus.Serving], Statuses(messages));
        Assert.Equal("4", call.Status);
    }

    [Fact]
    public async Task Watch_WhenServiceUnknown_SendsServiceUnknownAndKeepsTheStreamOpen()
    {
        await using var call = await _wire.StartStreamAsync(HealthGrpcPath.Watch, new HealthCheckRequest { Service = "nope.v1.Nope" }, Timeout("300m"));

        var messages = await call.ReadToEndAsync().WaitAsync(Guard);

        Assert.Equal([ServingStatus.ServiceUnknown], Statuses(messages));
        Assert.Equal("4", call.Status);
    }

    [Fact]
    public async Task Watch_WhenClientCancels_ServerKeepsServing()
    {
        var call = await _wire.StartStreamAsync(HealthGrpcPath.Watch, new HealthCheckRequest());
        Assert.NotNull(await call.ReadMessageAsync().WaitAsync(Guard));

        await call.DisposeAsync();

        var check = await _wire.CallAsync(HealthGrpcPath.Check, new HealthCheckRequest());
        Assert.Equal(ServingStatus.Serving, HealthCheckResponse.Parser.ParseFrom(check.SingleMessage()).Status);
        await using var again = await _wire.StartStreamAsync(HealthGrpcPath.Watch, new HealthCheckRequest());
        Assert.NotNull(await again.ReadMessageAsync().WaitAsync(Guard));
    }

    [Fact]
    public async Task Watch_WhenRequestIsNotProtobuf_IsInvalidArgument()
    {
        var reply = await _wire.CallAsync(HealthGrpcPath.Watch, GrpcWire.Frame([0xFF, 0xFF]));

        Assert.Equal("3", reply.Status);
        Assert.Contains("HealthCheckRequest", reply.Message, StringComparison.Ordinal);
    }

    internal static Dictionary<string, string> Timeout(string value) => new() { ["grpc-timeout"] = value };

    internal static List<ServingStatus> Statuses(List<byte[]> messages) =>
        messages.Select(m => HealthCheckResponse.Parser.ParseFrom(m).Status).ToList();
}
