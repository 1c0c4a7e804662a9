using System.Net;
using Google.Protobuf;
using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.Contracts.Health.V1;
using GovAuthZ.Server.IntegrationTests.Decisions;

namespace GovAuthZ.Server.IntegrationTests.Transport;

/// <summary>The decision service over gRPC (HTTP/2, h2c) against the real server; answers must match REST.</summary>
public sealed class GrpcTransportTests : IClassFixture<ServerProcessFixture>, IDisposable
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);
    private readonly ServerProcessFixture _server;
    private readonly GrpcWire _wire;

    public GrpcTransportTests(ServerProcessFixture server)
    {
        _server = server;
        _wire = new GrpcWire(server.GrpcBase);
    }

    public void Dispose() => _wire.Dispose();

    [Fact]
    public async Task Check_WhenCalledOverGrpc_AgreesWithRest()
    {
        foreach (var json in new[] { DecisionClient.AllowedCheck, DecisionClient.DeniedCheck })
        {
            var request = Parser.Parse<CheckRequest>(json);

            var reply = await _wire.CallAsync("/govauthz.decision.v1.DecisionService/Check", request);
            var grpc = CheckResponse.Parser.ParseFrom(reply.SingleMessage());
            var rest = await RestAsync(json);

            Assert.Equal("0", reply.Status);
            Assert.Equal(rest.Allowed, grpc.Allowed);
            Assert.Equal(rest.Reasons, grpc.Reasons);
            Assert.Equal(rest.MatchedRule, grpc.MatchedRule);
            Assert.Equal(rest.Obligations, grpc.Obligations);
            Assert.Equal(rest.PolicyRevision, grpc.PolicyRevision);
        }
    }

    [Fact]
    public async Task CheckBatch_WhenCalledOverGrpc_AnswersInOrder()
    {
        var batch = new CheckBatchRequest();
        batch.Checks.Add(Parser.Parse<CheckRequest>(DecisionClient.DeniedCheck));
        batch.Checks.Add(Parser.Parse<CheckRequest>(DecisionClient.AllowedCheck));

        var reply = await _wire.CallAsync("/govauthz.decision.v1.DecisionService/CheckBatch", batch);
        var response = CheckBatchResponse.Parser.ParseFrom(reply.SingleMessage());

        Assert.Equal("0", reply.Status);
        Assert.Equal([false, true], response.Results.Select(r => r.Allowed));
    }

    [Fact]
    public async Task Check_WhenDatasetUnknown_ReturnsInvalidArgumentWithCode()
    {
        var request = Parser.Parse<CheckRequest>(DecisionClient.AllowedCheck);
        request.Resource.DatasetId = "no_such_dataset";

        var reply = await _wire.CallAsync("/govauthz.decision.v1.DecisionService/Check", request);

        Assert.Equal("3", reply.Status);
        Assert.StartsWith("GAZ2001", reply.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WhenMessageIsNotProtobuf_ReturnsInvalidArgumentAndKeepsServing()
    {
        var reply = await _wire.CallAsync("/govauthz.decision.v1.DecisionService/Check", GrpcWire.Frame([0xFF, 0xFF, 0xFF]));
        var health = await _wire.CallAsync("/grpc.health.v1.Health/Check", new HealthCheckRequest());

        Assert.Equal("3", reply.Status);
        Assert.Equal("0", health.Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, HealthCheckResponse.Parser.ParseFrom(health.SingleMessage()).Status);
    }

    [Fact]
    public async Task HealthCheck_WhenServiceUnknown_IsNotFound()
    {
        // grpc.health.v1: Check fails an unregistered service with NOT_FOUND; only Watch reports SERVICE_UNKNOWN.
        var reply = await _wire.CallAsync("/grpc.health.v1.Health/Check", new HealthCheckRequest { Service = "nope.v1.Nope" });

        Assert.Equal("5", reply.Status);
        Assert.Contains("nope.v1.Nope", reply.Message, StringComparison.Ordinal);
        Assert.Empty(reply.Body);
    }

    private async Task<CheckResponse> RestAsync(string json)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri(_server.HttpBase, "/v1/check"), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Parser.Parse<CheckResponse>(await response.Content.ReadAsStringAsync());
    }
}
