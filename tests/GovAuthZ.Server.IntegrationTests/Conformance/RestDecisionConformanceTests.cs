using System.Net;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.Server.IntegrationTests.Transport;

namespace GovAuthZ.Server.IntegrationTests.Conformance;

/// <summary>The suite over REST (proto3 JSON) against the real server process.</summary>
public sealed class RestDecisionConformanceTests : DecisionConformanceSuite, IClassFixture<ServerProcessFixture>, IDisposable
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);
    private readonly HttpClient _client;

    public RestDecisionConformanceTests(ServerProcessFixture server)
    {
        ArgumentNullException.ThrowIfNull(server);
        _client = new HttpClient { BaseAddress = server.HttpBase, Timeout = TimeSpan.FromSeconds(60) };
    }

    public void Dispose() => _client.Dispose();

    protected override async Task<CheckOutcome> CheckAsync(CheckRequest request)
    {
        var (status, body) = await PostAsync("/v1/check", request);
        return status == HttpStatusCode.OK
            ? new CheckOutcome(Parser.Parse<CheckResponse>(body), null)
            : new CheckOutcome(null, Problem(body).Code);
    }

    protected override async Task<BatchOutcome> CheckBatchAsync(CheckBatchRequest request)
    {
        var (status, body) = await PostAsync("/v1/check:batch", request);
        if (status == HttpStatusCode.OK)
        {
            return new BatchOutcome(Parser.Parse<CheckBatchResponse>(body).Results, null, null);
        }

        var (code, detail) = Problem(body);
        return new BatchOutcome(null, code, detail);
    }

    private static (string? Code, string? Detail) Problem(string body)
    {
        using var problem = JsonDocument.Parse(body);
        var root = problem.RootElement;
        return (root.GetProperty("code").GetString(), root.GetProperty("detail").GetString());
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string path, IMessage request)
    {
        using var content = new StringContent(JsonFormatter.Default.Format(request), Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync(new Uri(path, UriKind.Relative), content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
