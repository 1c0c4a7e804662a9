using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace GovAuthZ.ResourceServer.InteropTests;

public sealed class JwtBearerInteropTests(TokenServerProcess server) : IClassFixture<TokenServerProcess>, IDisposable
{
    private const string Audience = "govauthz";
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task ProtectedEndpoint_WhenTokenFromOurTokenEndpoint_AcceptsAndReadsClaims()
    {
        await using var resource = await ResourceServer.StartAsync(server.Authority, Audience);
        var token = await IssueAsync();

        using var response = await CallAsync(resource, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var claims = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(TokenServerProcess.ClientId, claims.RootElement.GetProperty("sub").GetString());
        Assert.Equal(TokenServerProcess.ClientId, claims.RootElement.GetProperty("client_id").GetString());
        Assert.Equal("decision:check", claims.RootElement.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task ProtectedEndpoint_WhenPayloadChangedSignatureKept_Rejects()
    {
        await using var resource = await ResourceServer.StartAsync(server.Authority, Audience);
        var parts = (await IssueAsync()).Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1]));
        var widened = payload.Replace("\"decision:check\"", "\"decision:check decision:assert-principal\"", StringComparison.Ordinal);
        Assert.NotEqual(payload, widened);
        var tampered = parts[0] + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(widened)) + "." + parts[2];

        using var response = await CallAsync(resource, tampered);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProtectedEndpoint_WhenAudienceIsAnotherApi_Rejects()
    {
        await using var resource = await ResourceServer.StartAsync(server.Authority, "other-api");

        using var response = await CallAsync(resource, await IssueAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("audience", response.Headers.WwwAuthenticate.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ProtectedEndpoint_WhenTokenExpiredByResourceServerClock_Rejects()
    {
        // The resource server's clock runs a day ahead: the token (10 min lifetime) is expired to it.
        await using var resource = await ResourceServer.StartAsync(server.Authority, Audience, new AheadClock(TimeSpan.FromDays(1)));

        using var response = await CallAsync(resource, await IssueAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("lifetime", response.Headers.WwwAuthenticate.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ProtectedEndpoint_WhenResourceServerClockIsNow_AcceptsThroughTheSameLifetimeHook()
    {
        // The control for the test above: the same hook with an unshifted clock accepts the same kind of token.
        await using var resource = await ResourceServer.StartAsync(server.Authority, Audience, new AheadClock(TimeSpan.Zero));

        using var response = await CallAsync(resource, await IssueAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ProtectedEndpoint_WhenNoToken_Rejects()
    {
        await using var resource = await ResourceServer.StartAsync(server.Authority, Audience);

        using var response = await _http.GetAsync(new Uri(resource.BaseAddress, ResourceServer.ProtectedPath));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<string> IssueAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Authority, "/oauth/token"))
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("scope", "decision:check")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(TokenServerProcess.ClientId + ":" + TokenServerProcess.ClientSecret)));
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    private async Task<HttpResponseMessage> CallAsync(ResourceServer resource, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(resource.BaseAddress, ResourceServer.ProtectedPath));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _http.SendAsync(request);
    }

    /// <summary>The system clock shifted by a fixed amount.</summary>
    private sealed class AheadClock(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + ahead;
    }
}
