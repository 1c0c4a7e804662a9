using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.Server.Authentication;
using GovAuthZ.Server.IntegrationTests.Decisions;
using GovAuthZ.Server.IntegrationTests.Transport;
using GovAuthZ.Server.Transport;
using GovAuthZ.Tokens.Issuance;

namespace GovAuthZ.Server.IntegrationTests.Authentication;

/// <summary>The REST decision endpoints in bearer mode, with tokens signed by the real token service core.</summary>
public sealed class BearerModeEndpointTests : IAsyncLifetime, IDisposable
{
    private static readonly OfficialAttributes Wang = new()
    {
        Department = "civil_affairs_nj",
        Level = 3,
        Region = "320100",
        Clearance = Clearances.Important,
    };

    private TokenServiceFixture _tokens = null!;
    private BearerServerFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _tokens = await TokenServiceFixture.CreateAsync();
        _factory = new BearerServerFactory(_tokens);
        _client = _factory.CreateClient();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
        _tokens.Dispose();
    }

    [Fact]
    public async Task Check_WhenNoToken_Answers401WithBareChallenge()
    {
        var (response, body) = await PostAsync("/v1/check", DecisionClient.AllowedCheck, token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer realm=\"govauthz\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal("GAZ2007", body.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Check_WhenTokenForged_Answers401InvalidToken()
    {
        var token = _tokens.AppToken("pep-demo", DecisionScopes.Check, DecisionScopes.AssertPrincipal).Token;
        var forged = token[..^4] + (token[^4] == 'A' ? "BBBB" : "AAAA");

        var (response, body) = await PostAsync("/v1/check", DecisionClient.AllowedCheck, forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal("GAZ2007", body.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Check_WhenTokenValidWithScopes_Decides()
    {
        var token = _tokens.AppToken("pep-demo", DecisionScopes.Check, DecisionScopes.AssertPrincipal).Token;

        var (response, body) = await PostAsync("/v1/check", DecisionClient.AllowedCheck, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.RootElement.GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task Explain_WhenTokenLacksExplainScope_Answers403InsufficientScope()
    {
        var token = _tokens.AppToken("pep-demo", DecisionScopes.Check, DecisionScopes.AssertPrincipal).Token;

        var (response, body) = await PostAsync("/v1/explain", DecisionClient.AllowedCheck, token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(
            "Bearer realm=\"govauthz\", error=\"insufficient_scope\", scope=\"decision:explain\"",
            response.Headers.WwwAuthenticate.ToString());
        Assert.Equal("GAZ2008", body.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Check_WhenOfficialAssertedWithoutAssertScope_Answers403()
    {
        var token = _tokens.AppToken("tax-app", DecisionScopes.Check).Token;

        var (response, body) = await PostAsync("/v1/check", DecisionClient.AllowedCheck, token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("GAZ2008", body.RootElement.GetProperty("code").GetString());
        Assert.Contains("subject_token", body.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WhenSubjectTokenProvesTheOfficial_DecidesAsForTheAssertedOfficial()
    {
        var caller = _tokens.AppToken("tax-app", DecisionScopes.Check).Token;
        var subject = _tokens.OfficialToken(Wang).Token;
        var request = DecisionClient.Check($$"""{"subjectToken":"{{subject}}"}""", "ds_hr_social_insurance_nj", "social-assistance-eligibility");

        var (response, body) = await PostAsync("/v1/check", request, caller);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.RootElement.GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task Check_WhenTokenRevokedAfterUse_Answers401()
    {
        var issued = _tokens.AppToken("pep-demo", DecisionScopes.Check, DecisionScopes.AssertPrincipal);
        var (first, _) = await PostAsync("/v1/check", DecisionClient.AllowedCheck, issued.Token);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        _tokens.Revoked.Revoke(issued.TokenId, issued.ExpiresAt);
        var (second, body) = await PostAsync("/v1/check", DecisionClient.AllowedCheck, issued.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Contains("revoked", body.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WhenTokenExpired_Answers401()
    {
        var issued = _tokens.AppToken("pep-demo", DecisionScopes.Check, DecisionScopes.AssertPrincipal);
        _tokens.Clock.Now = issued.ExpiresAt.AddMinutes(1);

        var (response, _) = await PostAsync("/v1/check", DecisionClient.AllowedCheck, issued.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GrpcCheck_WhenNoToken_Unauthenticated()
    {
        using var wire = new GrpcWire(_factory.CreateClient());

        var result = await wire.CallAsync(DecisionGrpcMethods.CheckPath, GrpcWire.Frame(CheckBytes()));

        Assert.Equal("16", result.Status);
        Assert.StartsWith("GAZ2007 ", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrpcExplain_WhenTokenLacksExplainScope_PermissionDenied()
    {
        using var wire = new GrpcWire(_factory.CreateClient());
        var token = _tokens.AppToken("pep-demo", DecisionScopes.Check, DecisionScopes.AssertPrincipal).Token;

        var result = await wire.CallAsync(DecisionGrpcMethods.ExplainPath, GrpcWire.Frame(CheckBytes()), Bearer(token));

        Assert.Equal("7", result.Status);
        Assert.StartsWith("GAZ2008 ", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrpcCheck_WhenTokenValid_DecidesLikeRest()
    {
        using var wire = new GrpcWire(_factory.CreateClient());
        var token = _tokens.AppToken("pep-demo", DecisionScopes.Check, DecisionScopes.AssertPrincipal).Token;

        var result = await wire.CallAsync(DecisionGrpcMethods.CheckPath, GrpcWire.Frame(CheckBytes()), Bearer(token));

        Assert.True(CheckResponse.Parser.ParseFrom(result.SingleMessage()).Allowed);
    }

    private static byte[] CheckBytes() => JsonParser.Default.Parse<CheckRequest>(DecisionClient.AllowedCheck).ToByteArray();

    private static Dictionary<string, string> Bearer(string token) => new(StringComparer.Ordinal) { ["authorization"] = "Bearer " + token };

    private async Task<(HttpResponseMessage Response, JsonDocument Body)> PostAsync(string path, string json, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative));
        request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await _client.SendAsync(request);
        return (response, JsonDocument.Parse(await response.Content.ReadAsStringAsync()));
    }
}
