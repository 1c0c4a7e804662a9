using GovAuthZ.Contracts.Health.V1;
using ServingStatus = GovAuthZ.Contracts.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace GovAuthZ.Server.IntegrationTests.Transport;

/// <summary>Watch on a server that starts without policies and is repaired by an admin reload.</summary>
public sealed class HealthWatchTransitionTests : IClassFixture<UnreadyServerFixture>, IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
    private readonly UnreadyServerFixture _server;
    private readonly GrpcWire _wire;

    public HealthWatchTransitionTests(UnreadyServerFixture server)
    {
        _server = server;
        _wire = new GrpcWire(server.GrpcBase);
    }

    public void Dispose() => _wire.Dispose();

    [Fact]
    public async Task Watch_WhenPoliciesLoadAfterStart_SendsNotServingThenServingOnly()
    {
        await using var call = await _wire.StartStreamAsync(HealthGrpcPath.Watch, new HealthCheckRequest { Service = "govauthz.decision.v1.DecisionService" });
        var first = await call.ReadMessageAsync().WaitAsync(Guard);

        // A rejected reload publishes a new state with the same status; the watch must not repeat itself,
        // so the next message after NOT_SERVING is the SERVING that the repaired reload brings.
        Assert.Equal(422, await _server.ReloadAsync());
        _server.RepairModel();
        Assert.Equal(200, await _server.ReloadAsync());
        var second = await call.ReadMessageAsync().WaitAsync(Guard);

        Assert.Equal(ServingStatus.NotServing, HealthCheckResponse.Parser.ParseFrom(first).Status);
        Assert.Equal(ServingStatus.Serving, HealthCheckResponse.Parser.ParseFrom(second).Status);
        var check = await _wire.CallAsync(HealthGrpcPath.Check, new HealthCheckRequest());
        Assert.Equal(ServingStatus.Serving, HealthCheckResponse.Parser.ParseFrom(check.SingleMessage()).Status);
    }
}
