using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.Server.IntegrationTests.Decisions;
using GovAuthZ.Server.IntegrationTests.Transport;
using GovAuthZ.Server.Transport;

namespace GovAuthZ.Server.IntegrationTests.Authentication;

/// <summary>
/// The real server process in bearer mode: a development client gets a token from the server's own token
/// endpoint and uses it on both transports; revoking it cuts access on the next call.
/// </summary>
public sealed class BearerServerProcessTests : IClassFixture<BearerServerProcessTests.BearerServer>
{
    private const string PepClient = "pep-demo";
    private const string PepSecret = "dev-only-pep-demo-secret-do-not-deploy-0001";

    private readonly BearerServer _server;

    public BearerServerProcessTests(BearerServer server) => _server = server;

    [Fact]
    public async Task Check_WhenTokenFromTokenEndpoint_DecidesOverRestAndGrpc()
    {
        using var http = new HttpClient { BaseAddress = _server.HttpBase };
        var token = await TokenAsync(http);
        using var wire = new GrpcWire(_server.GrpcBase);

        var rest = await PostCheckAsync(http, token);
        var grpc = await wire.CallAsync(DecisionGrpcMethods.CheckPath, GrpcWire.Frame(CheckBytes()), Bearer(token));

        Assert.Equal(HttpStatusCode.OK, rest.StatusCode);
        Assert.True(CheckResponse.Parser.ParseFrom(grpc.SingleMessage()).Allowed);
    }

    [Fact]
    public async Task Check_WhenNoToken_RefusedOnBothTransports()
    {
        using var http = new HttpClient { BaseAddress = _server.HttpBase };
        using var wire = new GrpcWire(_server.GrpcBase);

        var rest = await PostCheckAsync(http, token: null);
        var grpc = await wire.CallAsync(DecisionGrpcMethods.CheckPath, GrpcWire.Frame(CheckBytes()));

        Assert.Equal(HttpStatusCode.Unauthorized, rest.StatusCode);
        Assert.Equal("16", grpc.Status);
    }

    [Fact]
    public async Task Check_WhenTokenRevokedAtTheServer_RefusedOnTheNextCall()
    {
        using var http = new HttpClient { BaseAddress = _server.HttpBase };
        var token = await TokenAsync(http);
        Assert.Equal(HttpStatusCode.OK, (await PostCheckAsync(http, token)).StatusCode);

        using var revoke = new HttpRequestMessage(HttpMethod.Post, "/oauth/revoke")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token }),
        };
        revoke.Headers.Authorization = BasicCredentials();
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(revoke)).StatusCode);

        var after = await PostCheckAsync(http, token);

        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Check_WhenDepartmentAppAsksForItself_IsDecidedAsItsDepartment()
    {
        using var http = new HttpClient { BaseAddress = _server.HttpBase };
        var token = await TokenAsync(http, "tax-app", "dev-only-tax-app-secret-do-not-deploy-000003", "decision:check");
        var check = DecisionClient.Check("{\"app\":{\"clientId\":\"tax-app\"}}", "ds_hr_social_insurance_nj", "social-assistance-eligibility");

        using var response = await PostCheckAsync(http, token, check);
        var body = await response.Content.ReadAsStringAsync();

        // Decided, not refused: the shipped policy grants apps nothing of their own, so it is a deny.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        Assert.False(json.RootElement.GetProperty("allowed").GetBoolean());
        Assert.Equal("no-rule-allows", json.RootElement.GetProperty("reasons")[0].GetString());
    }

    private static Task<string> TokenAsync(HttpClient http) =>
        TokenAsync(http, PepClient, PepSecret, "decision:check decision:assert-principal");

    private static async Task<string> TokenAsync(HttpClient http, string clientId, string secret, string scope)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/oauth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["scope"] = scope,
            }),
        };
        request.Headers.Authorization = BasicCredentials(clientId, secret);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    private static Task<HttpResponseMessage> PostCheckAsync(HttpClient http, string? token) =>
        PostCheckAsync(http, token, DecisionClient.AllowedCheck);

    private static async Task<HttpResponseMessage> PostCheckAsync(HttpClient http, string? token, string check)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/check")
        {
            Content = new StringContent(check, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await http.SendAsync(request);
    }

    // RFC 6749 section 2.3.1: id and secret are form-encoded before Basic; ours need no escaping.
    private static AuthenticationHeaderValue BasicCredentials(string clientId = PepClient, string secret = PepSecret) =>
        new("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes(clientId + ":" + secret)));

    private static byte[] CheckBytes() => JsonParser.Default.Parse<CheckRequest>(DecisionClient.AllowedCheck).ToByteArray();

    private static Dictionary<string, string> Bearer(string token) => new(StringComparer.Ordinal) { ["authorization"] = "Bearer " + token };

    /// <summary>The server process in bearer mode with a fresh data folder (so the development clients are seeded).</summary>
    public sealed class BearerServer : ServerProcessFixture
    {
        private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "govauthz-bearer-" + Guid.NewGuid().ToString("N"));

        protected override void Configure(IDictionary<string, string?> environment)
        {
            ArgumentNullException.ThrowIfNull(environment);
            environment["GovAuthZ__Auth__Mode"] = "Bearer";
            environment["GovAuthZ__DataDir"] = _dataDir;
        }

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            if (Directory.Exists(_dataDir))
            {
                Directory.Delete(_dataDir, recursive: true);
            }
        }
    }
}
