using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.Server.IntegrationTests.Decisions;

namespace GovAuthZ.Server.IntegrationTests.Transport;

/// <summary>
/// Bad requests over both real transports of one server process. Each case checks the status, the code
/// and that the message says what was wrong, then proves the server still decides a valid check.
/// </summary>
public sealed class BadInputTests : IClassFixture<ServerProcessFixture>, IDisposable
{
    private const string CheckPath = "/govauthz.decision.v1.DecisionService/Check";
    private const string BatchPath = "/govauthz.decision.v1.DecisionService/CheckBatch";
    private const int MaxRequestBytes = 4 * 1024 * 1024;

    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);
    private readonly ServerProcessFixture _server;
    private readonly GrpcWire _wire;
    private readonly HttpClient _http;

    public BadInputTests(ServerProcessFixture server)
    {
        _server = server;
        _wire = new GrpcWire(server.GrpcBase);
        _http = new HttpClient { BaseAddress = server.HttpBase, Timeout = TimeSpan.FromSeconds(60) };
    }

    public void Dispose()
    {
        _wire.Dispose();
        _http.Dispose();
    }

    [Theory]
    [InlineData("malformed-protobuf", "3", "GAZ2401 the request is not a valid CheckRequest in protobuf binary form")]
    [InlineData("truncated-frame", "13", "request message incomplete")]
    [InlineData("compressed-without-encoding", "13", "compressed flag set but grpc-encoding is identity or absent")]
    [InlineData("unknown-dataset", "3", "GAZ2001 unknown dataset 'ds_no_such_dataset'")]
    [InlineData("unknown-purpose", "3", "GAZ2002 unknown purpose 'curiosity'")]
    [InlineData("batch-over-max", "3", "GAZ2003 the batch holds 101 checks; at most 100 are allowed")]
    [InlineData("message-over-max", "8", "received message larger than max (4194305 vs. 4194304)")]
    [InlineData("declared-length-over-max", "8", "received message larger than max (2147483647 vs. 4194304)")]
    public async Task Grpc_WhenRequestIsBad_EndsWithStatusAndMessageThenKeepsServing(string kind, string status, string message)
    {
        var (path, body) = GrpcBody(kind);

        var reply = await _wire.CallAsync(path, body);

        Assert.Equal(status, reply.Status);
        Assert.StartsWith(message, reply.Message, StringComparison.Ordinal);
        Assert.Empty(reply.Body);
        var valid = await _wire.CallAsync(CheckPath, Parser.Parse<CheckRequest>(DecisionClient.AllowedCheck));
        Assert.True(CheckResponse.Parser.ParseFrom(valid.SingleMessage()).Allowed);
    }

    [Theory]
    [InlineData("malformed-json", 400, "GAZ1901", null, "line 1, column 14")]
    [InlineData("unknown-field", 400, "GAZ1901", "/principal/official/levl", null)]
    [InlineData("unknown-field-in-batch", 400, "GAZ1901", "/checks/1/purpse", null)]
    [InlineData("wrong-type", 400, "GAZ1901", "/action", null)]
    [InlineData("unknown-enum-name", 400, "GAZ1901", "/principal/official/level", null)]
    [InlineData("unknown-dataset", 400, "GAZ2001", null, null)]
    [InlineData("unknown-purpose", 400, "GAZ2002", null, null)]
    [InlineData("batch-over-max", 400, "GAZ2003", null, null)]
    [InlineData("body-over-max", 413, "GAZ2403", null, null)]
    [InlineData("not-json-media-type", 415, "GAZ2402", null, null)]
    public async Task Rest_WhenRequestIsBad_AnswersProblemSayingWhereThenKeepsServing(string kind, int status, string code, string? pointer, string? position)
    {
        var (path, body, mediaType) = RestBody(kind);

        using var response = await PostAsync(path, body, mediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        DecisionEndpointTests.AssertProblem(response, problem, (HttpStatusCode)status, code);
        var root = problem.RootElement;
        Assert.Equal(pointer, root.TryGetProperty("pointer", out var p) ? p.GetString() : null);
        Assert.Equal(position, root.TryGetProperty("position", out var l) ? l.GetString() : null);
        if (pointer is not null)
        {
            Assert.Contains("'" + pointer + "'", root.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using var valid = await PostAsync("/v1/check", DecisionClient.AllowedCheck, "application/json");
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Contains("\"allowed\": true", await valid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rest_WhenBatchIsOverMax_DetailNamesCountAndLimit()
    {
        var (path, body, mediaType) = RestBody("batch-over-max");

        using var response = await PostAsync(path, body, mediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("the batch holds 101 checks; at most 100 are allowed", problem.RootElement.GetProperty("detail").GetString());
    }

    private static (string Path, byte[] Body) GrpcBody(string kind)
    {
        var valid = Parser.Parse<CheckRequest>(DecisionClient.AllowedCheck).ToByteArray();
        return kind switch
        {
            "malformed-protobuf" => (CheckPath, GrpcWire.Frame([0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F])),
            "truncated-frame" => (CheckPath, GrpcWire.Frame(valid, declaredLength: valid.Length + 100)),
            "compressed-without-encoding" => (CheckPath, GrpcWire.Frame(valid, compressed: true)),
            "unknown-dataset" => (CheckPath, GrpcWire.Frame(Check(DecisionClient.Wang, "ds_no_such_dataset", "social-assistance-eligibility").ToByteArray())),
            "unknown-purpose" => (CheckPath, GrpcWire.Frame(Check(DecisionClient.Wang, "ds_hr_social_insurance_nj", "curiosity").ToByteArray())),
            "batch-over-max" => (BatchPath, GrpcWire.Frame(Batch(101).ToByteArray())),
            "message-over-max" => (CheckPath, GrpcWire.Frame(new byte[MaxRequestBytes + 1])),
            "declared-length-over-max" => (CheckPath, GrpcWire.Frame(valid, declaredLength: int.MaxValue)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such case"),
        };
    }

    private static (string Path, string Body, string MediaType) RestBody(string kind)
    {
        const string Json = "application/json";
        return kind switch
        {
            "malformed-json" => ("/v1/check", "{\"principal\":", Json),
            "unknown-field" => ("/v1/check", DecisionClient.AllowedCheck.Replace("\"level\"", "\"levl\"", StringComparison.Ordinal), Json),
            "unknown-field-in-batch" => ("/v1/check:batch", "{\"checks\":[" + DecisionClient.AllowedCheck + "," + DecisionClient.AllowedCheck.Replace("\"purpose\"", "\"purpse\"", StringComparison.Ordinal) + "]}", Json),
            "wrong-type" => ("/v1/check", DecisionClient.AllowedCheck.Replace("\"action\":\"read\"", "\"action\":5", StringComparison.Ordinal), Json),
            "unknown-enum-name" => ("/v1/check", DecisionClient.AllowedCheck.Replace("ADMINISTRATIVE_LEVEL_MUNICIPAL", "CITY", StringComparison.Ordinal), Json),
            "unknown-dataset" => ("/v1/check", DecisionClient.Check(DecisionClient.Wang, "ds_no_such_dataset", "social-assistance-eligibility"), Json),
            "unknown-purpose" => ("/v1/check", DecisionClient.Check(DecisionClient.Wang, "ds_hr_social_insurance_nj", "curiosity"), Json),
            "batch-over-max" => ("/v1/check:batch", JsonFormatter.Default.Format(Batch(101)), Json),
            "body-over-max" => ("/v1/check", "{\"action\":\"" + new string('a', MaxRequestBytes) + "\"}", Json),
            "not-json-media-type" => ("/v1/check", DecisionClient.AllowedCheck, "text/plain"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such case"),
        };
    }

    private static CheckRequest Check(string principal, string dataset, string purpose) =>
        Parser.Parse<CheckRequest>(DecisionClient.Check(principal, dataset, purpose));

    private static CheckBatchRequest Batch(int count)
    {
        var batch = new CheckBatchRequest();
        for (var i = 0; i < count; i++)
        {
            batch.Checks.Add(Parser.Parse<CheckRequest>(DecisionClient.AllowedCheck));
        }

        return batch;
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string body, string mediaType)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return await _http.PostAsync(new Uri(path, UriKind.Relative), content);
    }
}
