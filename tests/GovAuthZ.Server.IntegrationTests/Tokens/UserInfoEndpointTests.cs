using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Issuance;
using GovAuthZ.Tokens.Users;
using GovAuthZ.Tokens.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace GovAuthZ.Server.IntegrationTests.Tokens;

/// <summary>/oauth/userinfo over real HTTP (OIDC Core 5.3, RFC 6750), against the seeded development users.</summary>
public sealed class UserInfoEndpointTests : IClassFixture<TokenServerFixture>
{
    private const string Path = "/oauth/userinfo";

    private readonly TokenServerFactory _server;

    public UserInfoEndpointTests(TokenServerFixture fixture) => _server = fixture.Server;

    [Fact]
    public async Task Get_WhenOfficialTokenHasOpenidAndProfile_ReturnsSubNameAndOfficialAttributesUncached()
    {
        using var client = _server.CreateClient();

        using var response = await GetAsync(client, Issue(DevelopmentUsers.WangId, "openid", "profile").Token);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl!.NoStore);
        var root = body.RootElement;
        Assert.Equal(DevelopmentUsers.WangId, root.GetProperty("sub").GetString());
        Assert.StartsWith("Wang", root.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal("civil_affairs_nj", root.GetProperty("department").GetString());
        Assert.Equal("role:caseworker", Assert.Single(root.GetProperty("roles").EnumerateArray()).GetString());
        Assert.Equal(3, root.GetProperty("level").GetInt32());
        Assert.Equal("320100", root.GetProperty("region").GetString());
        Assert.Equal("important", root.GetProperty("clearance").GetString());
    }

    [Fact]
    public async Task Get_WhenScopeLacksProfile_OmitsName()
    {
        using var client = _server.CreateClient();

        using var response = await GetAsync(client, Issue(DevelopmentUsers.LiId, "openid").Token);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(body.RootElement.TryGetProperty("name", out _));
        Assert.Equal("civil_affairs_gc", body.RootElement.GetProperty("department").GetString());
    }

    [Fact]
    public async Task Post_WhenCitizenTokenInFormBody_ReturnsSubAndNameWithoutOfficialClaims()
    {
        using var client = _server.CreateClient();

        using var response = await client.PostAsync(Path, TokenServerFactory.Form(("access_token", Issue(DevelopmentUsers.ZhangId, "openid", "profile").Token)));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var names = body.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["name", "sub"], names);
        Assert.Equal(DevelopmentUsers.ZhangId, body.RootElement.GetProperty("sub").GetString());
    }

    [Fact]
    public async Task Get_WhenNoToken_Answers401ChallengeWithoutErrorCode()
    {
        using var client = _server.CreateClient();

        using var response = await client.GetAsync(Path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer realm=\"govauthz\"", Challenge(response));
    }

    [Fact]
    public async Task Get_WhenTokenMalformedOrRevoked_Answers401InvalidToken()
    {
        using var client = _server.CreateClient();
        var revoked = Issue(DevelopmentUsers.WangId, "openid");
        await _server.Services.GetRequiredService<IRevokedTokenStore>().RevokeAsync(revoked.TokenId, revoked.ExpiresAt, default);

        using var malformed = await GetAsync(client, "not-a-jwt");
        using var afterRevocation = await GetAsync(client, revoked.Token);

        foreach (var response in new[] { malformed, afterRevocation })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.StartsWith("Bearer realm=\"govauthz\", error=\"invalid_token\"", Challenge(response), StringComparison.Ordinal);
            Assert.True(response.Headers.CacheControl!.NoStore);
        }
    }

    [Fact]
    public async Task Get_WhenClientCredentialsToken_Answers401InvalidToken()
    {
        using var client = _server.CreateClient();
        var clientToken = _server.Services.GetRequiredService<AccessTokenIssuer>().Issue(new AccessTokenDescriptor
        {
            Subject = "tax-app",
            ClientId = "tax-app",
            Scopes = ["openid"],
            Official = new OfficialAttributes { Department = "tax_nj", Region = "320100", Level = 3 },
        });

        using var response = await GetAsync(client, clientToken.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("error=\"invalid_token\"", Challenge(response), StringComparison.Ordinal);
        Assert.Contains(ErrorMessages.For(ErrorCode.UserInfoSubjectNotUser), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WhenTokenLacksOpenidScope_Answers403InsufficientScope()
    {
        using var client = _server.CreateClient();

        using var response = await GetAsync(client, Issue(DevelopmentUsers.WangId, "decision:check").Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var challenge = Challenge(response);
        Assert.Contains("error=\"insufficient_scope\"", challenge, StringComparison.Ordinal);
        Assert.EndsWith("scope=\"openid\"", challenge, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WhenUserNoLongerExists_Answers401InvalidToken()
    {
        using var client = _server.CreateClient();

        using var response = await GetAsync(client, Issue("official:departed", "openid").Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(ErrorMessages.For(ErrorCode.UserInfoUserUnknown), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WhenTokenIsForAnotherAudience_Answers401InvalidToken()
    {
        using var client = _server.CreateClient();
        var elsewhere = _server.Services.GetRequiredService<AccessTokenIssuer>().Issue(new AccessTokenDescriptor
        {
            Subject = DevelopmentUsers.WangId,
            ClientId = "portal-demo",
            Scopes = ["openid"],
            Audiences = ["https://casework.example.gov/api"],
        });

        using var response = await GetAsync(client, elsewhere.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(ErrorMessages.For(ErrorCode.AccessTokenAudienceInvalid), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WhenValidTokenOnlyInQueryString_Refuses400()
    {
        using var client = _server.CreateClient();

        using var response = await client.GetAsync(Path + "?access_token=" + Issue(DevelopmentUsers.WangId, "openid").Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("error=\"invalid_request\"", Challenge(response), StringComparison.Ordinal);
        Assert.DoesNotContain("\"sub\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WhenTokenInHeaderAndBody_Refuses400()
    {
        using var client = _server.CreateClient();
        var token = Issue(DevelopmentUsers.WangId, "openid").Token;
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = TokenServerFactory.Form(("access_token", token)) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(ErrorMessages.For(ErrorCode.UserInfoTokenMethodsMultiple), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discovery_WhenServed_AdvertisesUserInfoEndpointProfileScopeAndNameClaim()
    {
        using var client = _server.CreateClient();

        using var body = JsonDocument.Parse(await client.GetStringAsync("/.well-known/openid-configuration"));

        Assert.Equal("http://127.0.0.1:8080/oauth/userinfo", body.RootElement.GetProperty("userinfo_endpoint").GetString());
        Assert.Contains("profile", body.RootElement.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("name", body.RootElement.GetProperty("claims_supported").EnumerateArray().Select(e => e.GetString()));
    }

    private IssuedToken Issue(string userId, params string[] scopes) =>
        _server.Services.GetRequiredService<AccessTokenIssuer>().Issue(new AccessTokenDescriptor { Subject = userId, ClientId = "portal-demo", Scopes = scopes });

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    private static string Challenge(HttpResponseMessage response) => Assert.Single(response.Headers.WwwAuthenticate).ToString();
}
