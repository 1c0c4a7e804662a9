using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.Server.IntegrationTests.Transport;

namespace GovAuthZ.Server.IntegrationTests.Conformance;

/// <summary>The suite over gRPC (HTTP/2 frames built by hand) against the real server process.</summary>
public sealed class GrpcDecisionConformanceTests : DecisionConformanceSuite, IClassFixture<ServerProcessFixture>, IDisposable
{
    private const string Service = "/govauthz.decision.v1.DecisionService/";
    private readonly GrpcWire _wire;

    public GrpcDecisionConformanceTests(ServerProcessFixture server)
    {
        ArgumentNullException.ThrowIfNull(server);
        _wire = new GrpcWire(server.GrpcBase);
    }

    public void Dispose() => _wire.Dispose();

    protected override async Task<CheckOutcome> CheckAsync(CheckRequest request)
    {
        var reply = await _wire.CallAsync(Service + "Check", request);
        return reply.Status == "0"
            ? new CheckOutcome(CheckResponse.Parser.ParseFrom(reply.SingleMessage()), null)
            : new CheckOutcome(null, Error(reply).Code);
    }

    protected override async Task<BatchOutcome> CheckBatchAsync(CheckBatchRequest request)
    {
        var reply = await _wire.CallAsync(Service + "CheckBatch", request);
        if (reply.Status == "0")
        {
            return new BatchOutcome(CheckBatchResponse.Parser.ParseFrom(reply.SingleMessage()).Results, null, null);
        }

        var (code, detail) = Error(reply);
        return new BatchOutcome(null, code, detail);
    }

    // The decision service's errors travel as INVALID_ARGUMENT with "GAZnnnn detail" in grpc-message.
    private static (string Code, string Detail) Error(GrpcCallResult reply)
    {
        Assert.Equal("3", reply.Status);
        var space = reply.Message.IndexOf(' ', StringComparison.Ordinal);
        return (reply.Message[..space], reply.Message[(space + 1)..]);
    }
}
