using System.Net;
using System.Text.Json;

namespace GovAuthZ.Server.IntegrationTests.Decisions;

public sealed class PolicyLoadTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "govauthz-policy-" + Guid.NewGuid().ToString("N"));

    public PolicyLoadTests()
    {
        Directory.CreateDirectory(_folder);
        foreach (var name in new[] { "policy.csv", "catalog.yaml", "purposes.yaml" })
        {
            File.Copy(Path.Combine(ShippedPolicies.Directory, name), Path.Combine(_folder, name));
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Readyz_WhenModelIsBroken_ReturnsNotReadyWithCodeAndLocation()
    {
        File.WriteAllText(Path.Combine(_folder, "model.conf"), "[request_definition]\nr = sub, obj, act\n[matchers\n");
        using var factory = new DecisionServerFactory(_folder, null);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("not-ready", body.RootElement.GetProperty("status").GetString());
        Assert.StartsWith("GAZ10", body.RootElement.GetProperty("code").GetString(), StringComparison.Ordinal);
        Assert.Contains("model.conf:", body.RootElement.GetProperty("location").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WhenModelIsBroken_DeniesWithNotReadyReason()
    {
        File.WriteAllText(Path.Combine(_folder, "model.conf"), "this is not a model\n");
        using var factory = new DecisionServerFactory(_folder, null);
        using var client = factory.CreateClient();

        var (response, body) = await DecisionClient.PostAsync(client, "/v1/check", DecisionClient.AllowedCheck);

        using (response)
        using (body)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(body.RootElement.GetProperty("allowed").GetBoolean());
            var reasons = body.RootElement.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ToList();
            Assert.Equal("GAZ2004", reasons[0]);
            Assert.Equal(2, reasons.Count);
        }
    }

    [Fact]
    public async Task Readyz_WhenCatalogIsBroken_ReportsCatalogFileAndLine()
    {
        File.Copy(Path.Combine(ShippedPolicies.Directory, "model.conf"), Path.Combine(_folder, "model.conf"));
        File.WriteAllText(Path.Combine(_folder, "catalog.yaml"), "datasets:\n  - id: ds_a\n    owner: x\n");
        using var factory = new DecisionServerFactory(_folder, null);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("GAZ2006", body.RootElement.GetProperty("code").GetString());
        Assert.Equal("catalog.yaml:2:5", body.RootElement.GetProperty("location").GetString());
        Assert.Equal("'region' is missing or empty", body.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task CheckBatch_WhenOverConfiguredLimit_ReturnsBatchTooLargeProblem()
    {
        using var factory = new DecisionServerFactory(ShippedPolicies.Directory, 2);
        using var client = factory.CreateClient();
        var check = DecisionClient.AllowedCheck;

        var (response, body) = await DecisionClient.PostAsync(client, "/v1/check:batch", $$"""{"checks":[{{check}},{{check}},{{check}}]}""");

        using (response)
        using (body)
        {
            DecisionEndpointTests.AssertProblem(response, body, HttpStatusCode.BadRequest, "GAZ2003");
        }
    }
}
