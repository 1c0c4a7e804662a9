using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace GovAuthZ.Server.IntegrationTests.Tokens;

public sealed class IntrospectionEndpointTests : IClassFixture<TokenServerFixture>
{
    private readonly TokenServerFactory _server;

    public IntrospectionEndpointTests(TokenServerFixture fixture) => _server = fixture.Server;

    [Fact]
    public async Task Introspect_WhenTokenValid_ReportsActiveWithClaims()
    {
        using var client = _server.CreateClient();
        var token = await TokenEndpointTests.AccessTokenAsync(client, "pep-demo", TokenServerFactory.PepDemoSecret, "decision:check");

        using var response = await PostAsync(client, "/oauth/introspect", TokenServerFactory.Basic("admin-console", TokenServerFactory.AdminSecret), ("token", token));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.True(body.RootElement.GetProperty("active").GetBoolean());
        Assert.Equal("pep-demo", body.RootElement.GetProperty("client_id").GetString());
        Assert.Equal("decision:check", body.RootElement.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task Introspect_WhenTokenForged_ReportsOnlyInactive()
    {
        using var client = _server.CreateClient();

        using var response = await PostAsync(client, "/oauth/introspect", TokenServerFactory.Basic("admin-console", TokenServerFactory.AdminSecret), ("token", "eyJhbGciOiJFUzI1NiJ9.e30.c2ln"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"active\":false}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Introspect_WhenCallerUnauthenticated_Refuses401()
    {
        using var client = _server.CreateClient();
        var token = await TokenEndpointTests.AccessTokenAsync(client, "pep-demo", TokenServerFactory.PepDemoSecret, "decision:check");

        using var anonymous = await PostAsync(client, "/oauth/introspect", null, ("token", token));
        using var wrongSecret = await PostAsync(client, "/oauth/introspect", TokenServerFactory.Basic("admin-console", "wrong-secret-wrong-secret-wrong-secret-00"), ("token", token));

        await TokenEndpointTests.AssertErrorAsync(anonymous, HttpStatusCode.Unauthorized, "invalid_client");
        await TokenEndpointTests.AssertErrorAsync(wrongSecret, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Equal("Basic", Assert.Single(wrongSecret.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task Revoke_WhenOwnToken_MakesItInactiveEverywhere()
    {
        using var client = _server.CreateClient();
        var token = await TokenEndpointTests.AccessTokenAsync(client, "pep-demo", TokenServerFactory.PepDemoSecret, "decision:check");

        using var revoke = await PostAsync(client, "/oauth/revoke", TokenServerFactory.Basic("pep-demo", TokenServerFactory.PepDemoSecret), ("token", token), ("token_type_hint", "access_token"));
        using var introspect = await PostAsync(client, "/oauth/introspect", TokenServerFactory.Basic("admin-console", TokenServerFactory.AdminSecret), ("token", token));

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal("{\"active\":false}", await introspect.Content.ReadAsStringAsync());
        var validator = _server.Services.GetService(typeof(GovAuthZ.Tokens.Validation.AccessTokenValidator)) as GovAuthZ.Tokens.Validation.AccessTokenValidator;
        Assert.Equal(GovAuthZ.Core.Errors.ErrorCode.AccessTokenRevoked, (await validator!.ValidateAsync(token)).Code);
    }

    [Fact]
    public async Task Revoke_WhenTokenUnknownOrOthers_Answers200AndRevokesNothing()
    {
        using var client = _server.CreateClient();
        var token = await TokenEndpointTests.AccessTokenAsync(client, "pep-demo", TokenServerFactory.PepDemoSecret, "decision:check");

        using var unknown = await PostAsync(client, "/oauth/revoke", TokenServerFactory.Basic("admin-console", TokenServerFactory.AdminSecret), ("token", "not-a-token"));
        using var others = await PostAsync(client, "/oauth/revoke", TokenServerFactory.Basic("admin-console", TokenServerFactory.AdminSecret), ("token", token));
        using var introspect = await PostAsync(client, "/oauth/introspect", TokenServerFactory.Basic("admin-console", TokenServerFactory.AdminSecret), ("token", token));

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, others.StatusCode);
        Assert.Contains("\"active\":true", await introspect.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_WhenCallerUnauthenticated_Refuses401()
    {
        using var client = _server.CreateClient();

        using var response = await PostAsync(client, "/oauth/revoke", null, ("token", "anything"), ("client_id", "pep-demo"));

        await TokenEndpointTests.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, AuthenticationHeaderValue? authorization, params (string, string)[] form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = TokenServerFactory.Form(form) };
        request.Headers.Authorization = authorization;
        return await client.SendAsync(request);
    }
}
