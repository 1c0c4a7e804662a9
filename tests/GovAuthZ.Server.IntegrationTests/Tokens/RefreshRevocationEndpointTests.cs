using System.Net;
using System.Net.Http.Headers;
using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Clients;
using GovAuthZ.Tokens.Issuance;
using GovAuthZ.Tokens.Refresh;
using Microsoft.Extensions.DependencyInjection;

namespace GovAuthZ.Server.IntegrationTests.Tokens;

public sealed class RefreshRevocationEndpointTests : IClassFixture<TokenServerFixture>
{
    private readonly TokenServerFactory _server;

    public RefreshRevocationEndpointTests(TokenServerFixture fixture) => _server = fixture.Server;

    [Fact]
    public async Task Revoke_WhenOwnRefreshToken_RevokesItAndTheGrantsAccessTokens()
    {
        using var client = _server.CreateClient();
        var (access, refresh) = await GrantAsync("pep-demo");

        using var revoke = await PostAsync(client, "/oauth/revoke", TokenServerFactory.Basic("pep-demo", TokenServerFactory.PepDemoSecret), ("token", refresh.Token), ("token_type_hint", "refresh_token"));
        using var introspect = await PostAsync(client, "/oauth/introspect", TokenServerFactory.Basic("admin-console", TokenServerFactory.AdminSecret), ("token", access.Token));

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal("{\"active\":false}", await introspect.Content.ReadAsStringAsync());
        var pep = await FindClientAsync("pep-demo");
        var again = await _server.Services.GetRequiredService<RefreshTokenService>().RefreshAsync(pep, refresh.Token, null);
        Assert.Equal(ErrorCode.RefreshTokenRevoked, again.Code);
    }

    [Fact]
    public async Task Revoke_WhenAnotherClientsRefreshToken_Answers200AndRevokesNothing()
    {
        using var client = _server.CreateClient();
        var (access, _) = await GrantAsync("pep-demo");
        var (_, refresh) = await GrantAsync("pep-demo");

        using var revoke = await PostAsync(client, "/oauth/revoke", TokenServerFactory.Basic("admin-console", TokenServerFactory.AdminSecret), ("token", refresh.Token));
        var pep = await FindClientAsync("pep-demo");
        var rotated = await _server.Services.GetRequiredService<RefreshTokenService>().RefreshAsync(pep, refresh.Token, null);

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(ErrorCode.None, rotated.Code);
        using var introspect = await PostAsync(client, "/oauth/introspect", TokenServerFactory.Basic("admin-console", TokenServerFactory.AdminSecret), ("token", access.Token));
        Assert.Contains("\"active\":true", await introspect.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_WhenPublicClientRevokesOwnRefreshToken_RevokesTheGrant()
    {
        using var client = _server.CreateClient();
        var (access, refresh) = await GrantAsync("portal-demo");

        using var revoke = await PostAsync(client, "/oauth/revoke", null, ("client_id", "portal-demo"), ("token", refresh.Token));

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        using var introspect = await PostAsync(client, "/oauth/introspect", TokenServerFactory.Basic("admin-console", TokenServerFactory.AdminSecret), ("token", access.Token));
        Assert.Equal("{\"active\":false}", await introspect.Content.ReadAsStringAsync());
        var portal = await FindClientAsync("portal-demo");
        var again = await _server.Services.GetRequiredService<RefreshTokenService>().RefreshAsync(portal, refresh.Token, null);
        Assert.Equal(ErrorCode.RefreshTokenRevoked, again.Code);
    }

    [Fact]
    public async Task Revoke_WhenPublicClientSendsAnotherClientsToken_Answers200AndRevokesNothing()
    {
        using var client = _server.CreateClient();
        var (access, _) = await GrantAsync("pep-demo");

        using var revoke = await PostAsync(client, "/oauth/revoke", null, ("client_id", "portal-demo"), ("token", access.Token));

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        using var introspect = await PostAsync(client, "/oauth/introspect", TokenServerFactory.Basic("admin-console", TokenServerFactory.AdminSecret), ("token", access.Token));
        Assert.Contains("\"active\":true", await introspect.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Introspect_WhenPublicClient_Refuses401InvalidClient()
    {
        using var client = _server.CreateClient();
        var (access, _) = await GrantAsync("portal-demo");

        using var introspect = await PostAsync(client, "/oauth/introspect", null, ("client_id", "portal-demo"), ("token", access.Token));

        Assert.Equal(HttpStatusCode.Unauthorized, introspect.StatusCode);
        Assert.Contains("invalid_client", await introspect.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<(IssuedToken Access, IssuedRefreshToken Refresh)> GrantAsync(string clientId)
    {
        var client = await FindClientAsync(clientId);
        var access = _server.Services.GetRequiredService<AccessTokenIssuer>().Issue(new AccessTokenDescriptor { Subject = "official:42", ClientId = clientId, Scopes = ["decision:check"] });
        var refresh = await _server.Services.GetRequiredService<RefreshTokenService>().IssueAsync(client, "official:42", ["decision:check"], null, accessToken: access);
        return (access, refresh);
    }

    private async Task<OAuthClient> FindClientAsync(string clientId) =>
        (await _server.Services.GetRequiredService<IClientStore>().FindByIdAsync(clientId, default))!;

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, AuthenticationHeaderValue? authorization, params (string, string)[] form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = TokenServerFactory.Form(form) };
        request.Headers.Authorization = authorization;
        return await client.SendAsync(request);
    }
}
