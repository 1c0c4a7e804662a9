using System.Net;
using System.Text.Json;

namespace GovAuthZ.Server.IntegrationTests.Decisions;

public sealed class DecisionEndpointTests : IClassFixture<DecisionServerFactory>
{
    private readonly DecisionServerFactory _factory;

    public DecisionEndpointTests(DecisionServerFactory factory) => _factory = factory;

    [Fact]
    public async Task Check_WhenShippedRuleAllows_ReturnsAllowedWithRuleMasksAndIds()
    {
        using var client = _factory.CreateClient();

        var (response, body) = await DecisionClient.PostAsync(client, "/v1/check", DecisionClient.AllowedCheck);

        using (response)
        using (body)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var root = body.RootElement;
            Assert.True(root.GetProperty("allowed").GetBoolean());
            Assert.Equal(["allowed-by-rule"], Strings(root.GetProperty("reasons")));
            var rule = root.GetProperty("matchedRule");
            Assert.Equal("p", rule.GetProperty("type").GetString());
            Assert.Equal("role:caseworker", rule.GetProperty("fields")[0].GetString());
            Assert.StartsWith("policy.csv:", Path.GetFileName(rule.GetProperty("location").GetString()), StringComparison.Ordinal);
            var obligations = root.GetProperty("obligations").EnumerateArray().ToList();
            Assert.Equal(2, obligations.Count);
            var mask = obligations[0].GetProperty("maskFields");
            Assert.Equal(["name", "id_number"], Strings(mask.GetProperty("fields")));
            Assert.Equal("MASK_STYLE_PARTIAL", mask.GetProperty("style").GetString());

            // social-assistance-eligibility keeps data at most 90 days (purposes.yaml), in proto3 JSON seconds.
            Assert.Equal("7776000s", obligations[1].GetProperty("retention").GetProperty("maxAge").GetString());
            Assert.Equal("1", root.GetProperty("policyRevision").GetString());
            var id = Guid.Parse(root.GetProperty("decisionId").GetString()!);
            Assert.Equal(7, id.Version);
        }
    }

    [Fact]
    public async Task Check_WhenNoAgreementCoversDataset_ReturnsDeniedWithoutObligations()
    {
        using var client = _factory.CreateClient();

        var (response, body) = await DecisionClient.PostAsync(client, "/v1/check", DecisionClient.DeniedCheck);

        using (response)
        using (body)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var root = body.RootElement;
            Assert.False(root.GetProperty("allowed").GetBoolean());
            Assert.Equal(["no-rule-allows"], Strings(root.GetProperty("reasons")));
            Assert.Empty(root.GetProperty("obligations").EnumerateArray());
        }
    }

    [Fact]
    public async Task CheckBatch_WhenChecksMixAllowAndDeny_AnswersInRequestOrder()
    {
        using var client = _factory.CreateClient();
        var json = $$"""{"checks":[{{DecisionClient.DeniedCheck}},{{DecisionClient.AllowedCheck}},{{DecisionClient.DeniedCheck}}]}""";

        var (response, body) = await DecisionClient.PostAsync(client, "/v1/check:batch", json);

        using (response)
        using (body)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var allowed = body.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("allowed").GetBoolean()).ToList();
            Assert.Equal([false, true, false], allowed);
        }
    }

    [Fact]
    public async Task Explain_WhenAllowed_ListsEvaluatedAttributesAndEffect()
    {
        using var client = _factory.CreateClient();

        var (response, body) = await DecisionClient.PostAsync(client, "/v1/explain", DecisionClient.AllowedCheck);

        using (response)
        using (body)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var root = body.RootElement;
            Assert.True(root.GetProperty("decision").GetProperty("allowed").GetBoolean());
            var attributes = root.GetProperty("attributes").EnumerateArray()
                .ToDictionary(a => a.GetProperty("name").GetString()!, a => a.GetProperty("value").GetString(), StringComparer.Ordinal);
            Assert.Equal("3", attributes["r.sub.level"]);
            Assert.Equal("important", attributes["r.sub.clearance"]);
            Assert.Equal("hrss_js", attributes["r.obj.owner"]);
            Assert.Equal("conditional", attributes["r.obj.sharing"]);
            Assert.Equal("social-assistance-eligibility", attributes["r.purpose"]);
            Assert.Equal("allow-and-deny", root.GetProperty("effect").GetString());
        }
    }

    [Theory]
    [InlineData("ds_no_such_dataset", "social-assistance-eligibility", "GAZ2001", "unknown dataset 'ds_no_such_dataset'")]
    [InlineData("ds_hr_social_insurance_nj", "curiosity", "GAZ2002", "unknown purpose 'curiosity'")]
    public async Task Check_WhenCatalogLacksIdentifier_ReturnsProblemWithCode(string dataset, string purpose, string code, string detail)
    {
        using var client = _factory.CreateClient();

        var (response, body) = await DecisionClient.PostAsync(client, "/v1/check", DecisionClient.Check(DecisionClient.Wang, dataset, purpose));

        using (response)
        using (body)
        {
            AssertProblem(response, body, HttpStatusCode.BadRequest, code);
            Assert.Equal(detail, body.RootElement.GetProperty("detail").GetString());
        }
    }

    [Theory]
    [InlineData("/v1/check", "{\"principal\":")]
    [InlineData("/v1/check", "{\"action\":\"read\",\"noSuchField\":1}")]
    [InlineData("/v1/check:batch", "[1,2]")]
    [InlineData("/v1/explain", "")]
    public async Task Post_WhenBodyIsNotProtoJson_ReturnsMalformedJsonProblem(string path, string json)
    {
        using var client = _factory.CreateClient();

        var (response, body) = await DecisionClient.PostAsync(client, path, json);

        using (response)
        using (body)
        {
            AssertProblem(response, body, HttpStatusCode.BadRequest, "GAZ1901");
        }
    }

    [Fact]
    public async Task CheckBatch_WhenOneCheckNamesUnknownDataset_ReturnsProblemNamingTheEntry()
    {
        using var client = _factory.CreateClient();
        var bad = DecisionClient.Check(DecisionClient.Wang, "ds_missing", "social-assistance-eligibility");
        var json = $$"""{"checks":[{{DecisionClient.AllowedCheck}},{{bad}}]}""";

        var (response, body) = await DecisionClient.PostAsync(client, "/v1/check:batch", json);

        using (response)
        using (body)
        {
            AssertProblem(response, body, HttpStatusCode.BadRequest, "GAZ2001");
            Assert.StartsWith("checks[1]: ", body.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Readyz_WhenShippedPoliciesLoaded_ReturnsReadyWithRevision()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ready", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(1, body.RootElement.GetProperty("revision").GetInt64());
    }

    internal static void AssertProblem(HttpResponseMessage response, JsonDocument body, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var root = body.RootElement;
        Assert.Equal((int)status, root.GetProperty("status").GetInt32());
        Assert.Equal(code, root.GetProperty("code").GetString());
        Assert.EndsWith(code, root.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(root.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(root.GetProperty("detail").GetString()));
    }

    private static List<string?> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()).ToList();
}
