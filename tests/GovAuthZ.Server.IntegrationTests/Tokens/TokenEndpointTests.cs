using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GovAuthZ.Tokens.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace GovAuthZ.Server.IntegrationTests.Tokens;

public sealed class TokenEndpointTests : IClassFixture<TokenServerFixture>
{
    private readonly TokenServerFactory _server;

    public TokenEndpointTests(TokenServerFixture fixture) => _server = fixture.Server;

    [Theory]
    [InlineData("/.well-known/openid-configuration")]
    [InlineData("/.well-known/oauth-authorization-server")]
    public async Task Discovery_WhenRequested_NamesOurEndpointsAndMethods(string path)
    {
        using var client = _server.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync(path));
        var root = document.RootElement;

        Assert.Equal("http://127.0.0.1:8080", root.GetProperty("issuer").GetString());
        Assert.Equal("http://127.0.0.1:8080/oauth/token", root.GetProperty("token_endpoint").GetString());
        Assert.Equal("http://127.0.0.1:8080/oauth/jwks", root.GetProperty("jwks_uri").GetString());
        Assert.Equal("http://127.0.0.1:8080/oauth/introspect", root.GetProperty("introspection_endpoint").GetString());
        Assert.Equal("http://127.0.0.1:8080/oauth/revoke", root.GetProperty("revocation_endpoint").GetString());
        Assert.Equal(["authorization_code", "client_credentials", "refresh_token", "urn:ietf:params:oauth:grant-type:token-exchange"], Strings(root, "grant_types_supported"));
        Assert.Equal("http://127.0.0.1:8080/oauth/authorize", root.GetProperty("authorization_endpoint").GetString());
        Assert.Equal(["code"], Strings(root, "response_types_supported"));
        Assert.Equal(["S256"], Strings(root, "code_challenge_methods_supported"));
        Assert.True(root.GetProperty("authorization_response_iss_parameter_supported").GetBoolean());
        Assert.Contains("client_secret_basic", Strings(root, "token_endpoint_auth_methods_supported"));
        Assert.Contains("decision:assert-principal", Strings(root, "scopes_supported"));
    }

    [Fact]
    public async Task Jwks_WhenRequested_HoldsOnlyPublicParts()
    {
        using var client = _server.CreateClient();
        using var response = await client.GetAsync(new Uri("/oauth/jwks", UriKind.Relative));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("application/jwk-set+json", response.Content.Headers.ContentType!.MediaType);
        var key = Assert.Single(document.RootElement.GetProperty("keys").EnumerateArray());
        Assert.Equal("EC", key.GetProperty("kty").GetString());
        Assert.Equal("ES256", key.GetProperty("alg").GetString());
        foreach (var privateMember in new[] { "d", "p", "q", "dp", "dq", "qi", "k" })
        {
            Assert.False(key.TryGetProperty(privateMember, out _), privateMember);
        }
    }

    [Fact]
    public async Task Token_WhenBasicCredentialsValid_IssuesTokenWithNoStoreHeaders()
    {
        using var client = _server.CreateClient();
        using var response = await RequestTokenAsync(client, TokenServerFactory.Basic("pep-demo", TokenServerFactory.PepDemoSecret), ("grant_type", "client_credentials"), ("scope", "decision:check"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Contains("no-cache", response.Headers.Pragma.ToString(), StringComparison.Ordinal);
        Assert.Equal("Bearer", body.RootElement.GetProperty("token_type").GetString());
        Assert.Equal(600, body.RootElement.GetProperty("expires_in").GetInt32());

        var validator = _server.Services.GetRequiredService<AccessTokenValidator>();
        var result = await validator.ValidateAsync(body.RootElement.GetProperty("access_token").GetString());
        Assert.Equal("pep-demo", result.Token!.ClientId);
        Assert.Equal(["decision:check"], result.Token.Scopes);
    }

    [Fact]
    public async Task Token_WhenDepartmentClient_TokenCarriesDepartmentAttributes()
    {
        using var client = _server.CreateClient();
        using var response = await RequestTokenAsync(client, null, ("grant_type", "client_credentials"), ("client_id", "tax-app"), ("client_secret", TokenServerFactory.TaxSecret));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var result = await _server.Services.GetRequiredService<AccessTokenValidator>().ValidateAsync(body.RootElement.GetProperty("access_token").GetString());
        Assert.Equal("tax_nj", result.Token!.Official!.Department);
        Assert.Equal("320100", result.Token.Official.Region);
        Assert.Equal(3, result.Token.Official.Level);
    }

    [Fact]
    public async Task Token_WhenBodyIsJson_Refuses400InvalidRequest()
    {
        using var client = _server.CreateClient();
        using var content = new StringContent("{\"grant_type\":\"client_credentials\"}", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/oauth/token", UriKind.Relative), content);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task Token_WhenParameterRepeated_Refuses400InvalidRequest()
    {
        using var client = _server.CreateClient();
        using var response = await RequestTokenAsync(client, TokenServerFactory.Basic("pep-demo", TokenServerFactory.PepDemoSecret), ("grant_type", "client_credentials"), ("scope", "decision:check"), ("scope", "decision:explain"));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task Token_WhenGrantUnsupported_Refuses400UnsupportedGrantType()
    {
        using var client = _server.CreateClient();
        using var response = await RequestTokenAsync(client, TokenServerFactory.Basic("pep-demo", TokenServerFactory.PepDemoSecret), ("grant_type", "password"), ("username", "u"), ("password", "p"));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "unsupported_grant_type");
    }

    [Fact]
    public async Task Token_WhenBasicSecretWrong_Refuses401WithBasicChallenge()
    {
        using var client = _server.CreateClient();
        using var response = await RequestTokenAsync(client, TokenServerFactory.Basic("pep-demo", "wrong-secret-wrong-secret-wrong-secret-00"), ("grant_type", "client_credentials"));

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Equal("Basic", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task Token_WhenPostSecretWrong_Refuses401WithoutChallenge()
    {
        using var client = _server.CreateClient();
        using var response = await RequestTokenAsync(client, null, ("grant_type", "client_credentials"), ("client_id", "no-such-client"), ("client_secret", "wrong-secret-wrong-secret-wrong-secret-00"));

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Empty(response.Headers.WwwAuthenticate);
    }

    [Fact]
    public async Task Token_WhenScopeNotRegistered_Refuses400InvalidScope()
    {
        using var client = _server.CreateClient();
        using var response = await RequestTokenAsync(client, TokenServerFactory.Basic("tax-app", TokenServerFactory.TaxSecret), ("grant_type", "client_credentials"), ("scope", "decision:explain"));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_scope");
    }

    [Fact]
    public async Task Token_WhenGet_IssuesNothing()
    {
        using var client = _server.CreateClient();
        using var response = await client.GetAsync(new Uri("/oauth/token?grant_type=client_credentials", UriKind.Relative));

        // RFC 6749 3.2: POST only. Routing answers 404 or 405; either way no token leaves in a URL.
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
        Assert.DoesNotContain("access_token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    internal static async Task<HttpResponseMessage> RequestTokenAsync(HttpClient client, AuthenticationHeaderValue? authorization, params (string, string)[] form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/oauth/token") { Content = TokenServerFactory.Form(form) };
        request.Headers.Authorization = authorization;
        return await client.SendAsync(request);
    }

    internal static async Task<string> AccessTokenAsync(HttpClient client, string clientId, string secret, string scope)
    {
        using var response = await RequestTokenAsync(client, TokenServerFactory.Basic(clientId, secret), ("grant_type", "client_credentials"), ("scope", scope));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("access_token").GetString()!;
    }

    internal static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(error, body.RootElement.GetProperty("error").GetString());
        Assert.True(body.RootElement.TryGetProperty("error_description", out _));
    }

    private static string[] Strings(JsonElement root, string name) =>
        [.. root.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];
}

/// <summary>One in-process server for a test class; its data folder is removed afterwards.</summary>
public sealed class TokenServerFixture : IDisposable
{
    public TokenServerFactory Server { get; } = new();

    public void Dispose()
    {
        Server.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Server.DataDir, recursive: true);
    }
}
