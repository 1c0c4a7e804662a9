using System.Buffers.Binary;
using System.Net;
using Google.Protobuf;
using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.Contracts.Health.V1;
using GovAuthZ.Server.IntegrationTests.Decisions;

namespace GovAuthZ.Server.IntegrationTests.Transport;

/// <summary>The decision service over gRPC (HTTP/2, h2c) against the real server; answers must match REST.</summary>
public sealed class GrpcTransportTests : IClassFixture<ServerProcessFixture>
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);
    private readonly ServerProcessFixture _server;

    public GrpcTransportTests(ServerProcessFixture server) => _server = server;

    [Fact]
    public async Task Check_WhenCalledOverGrpc_AgreesWithRest()
    {
        foreach (var json in new[] { DecisionClient.AllowedCheck, DecisionClient.DeniedCheck })
        {
            var request = Parser.Parse<CheckRequest>(json);

            var (status, bytes) = await CallAsync("/govauthz.decision.v1.DecisionService/Check", request);
            var grpc = CheckResponse.Parser.ParseFrom(bytes);
            var rest = await RestAsync(json);

            Assert.Equal("0", status);
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

        var (status, bytes) = await CallAsync("/govauthz.decision.v1.DecisionService/CheckBatch", batch);
        var response = CheckBatchResponse.Parser.ParseFrom(bytes);

        Assert.Equal("0", status);
        Assert.Equal([false, true], response.Results.Select(r => r.Allowed));
    }

    [Fact]
    public async Task Check_WhenDatasetUnknown_ReturnsInvalidArgumentWithCode()
    {
        var request = Parser.Parse<CheckRequest>(DecisionClient.AllowedCheck);
        request.Resource.DatasetId = "no_such_dataset";

        var (status, _, message) = await CallRawAsync("/govauthz.decision.v1.DecisionService/Check", Frame(request.ToByteArray()));

        Assert.Equal("3", status);
        Assert.StartsWith("GAZ2001", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WhenMessageIsNotProtobuf_ReturnsInvalidArgumentAndKeepsServing()
    {
        var (status, _, _) = await CallRawAsync("/govauthz.decision.v1.DecisionService/Check", Frame([0xFF, 0xFF, 0xFF]));
        var (healthStatus, bytes) = await CallAsync("/grpc.health.v1.Health/Check", new HealthCheckRequest());

        Assert.Equal("3", status);
        Assert.Equal("0", healthStatus);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, HealthCheckResponse.Parser.ParseFrom(bytes).Status);
    }

    [Fact]
    public async Task HealthCheck_WhenServiceUnknown_ReportsServiceUnknown()
    {
        var (status, bytes) = await CallAsync("/grpc.health.v1.Health/Check", new HealthCheckRequest { Service = "nope.v1.Nope" });

        Assert.Equal("0", status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.ServiceUnknown, HealthCheckResponse.Parser.ParseFrom(bytes).Status);
    }

    private async Task<(string Status, byte[] Message)> CallAsync(string path, IMessage request)
    {
        var (status, body, message) = await CallRawAsync(path, Frame(request.ToByteArray()));
        Assert.True(status == "0", $"grpc-status {status}: {message}");
        Assert.True(body.Length >= 5, "the response has no message frame");
        var length = BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(1, 4));
        return (status, body.AsSpan(5, length).ToArray());
    }

    private async Task<(string Status, byte[] Body, string Message)> CallRawAsync(string path, byte[] body)
    {
        using var handler = new SocketsHttpHandler();
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/grpc");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.GrpcBase, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        request.Headers.TryAddWithoutValidation("te", "trailers");
        using var response = await client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var status = Header(response, "grpc-status");
        var message = Uri.UnescapeDataString(Header(response, "grpc-message"));
        return (status, bytes, message);
    }

    private static string Header(HttpResponseMessage response, string name)
    {
        if (response.TrailingHeaders.TryGetValues(name, out var trailer))
        {
            return trailer.First();
        }

        return response.Headers.TryGetValues(name, out var header) ? header.First() : string.Empty;
    }

    private async Task<CheckResponse> RestAsync(string json)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri(_server.HttpBase, "/v1/check"), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Parser.Parse<CheckResponse>(await response.Content.ReadAsStringAsync());
    }

    private static byte[] Frame(byte[] message)
    {
        var frame = new byte[5 + message.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1, 4), message.Length);
        message.CopyTo(frame, 5);
        return frame;
    }
}
