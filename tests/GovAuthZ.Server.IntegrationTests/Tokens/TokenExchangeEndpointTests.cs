using System.Buffers.Text;
using System.Net;
using System.Text.Json;
using GovAuthZ.Tokens;
using GovAuthZ.Tokens.Clients;
using GovAuthZ.Tokens.Issuance;
using GovAuthZ.Tokens.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GovAuthZ.Server.IntegrationTests.Tokens;

public sealed class TokenExchangeEndpointTests : IClassFixture<TokenServerFixture>
{
    private const string AppId = "casework-exchange";
    private static readonly string AppSecret = ClientSecretHasher.GenerateSecret();

    private readonly TokenServerFactory _server;

    public TokenExchangeEndpointTests(TokenServerFixture fixture) => _server = fixture.Server;

    [Fact]
    public async Task Token_WhenRegisteredClientExchangesOfficialToken_AnswersDelegatedTokenWithAct()
    {
        await RegisterAppAsync();
        using var client = _server.CreateClient();
        var subject = _server.Services.GetRequiredService<AccessTokenIssuer>().Issue(new AccessTokenDescriptor
        {
            Subject = "official:42",
            ClientId = "portal",
            Scopes = ["decision:check", "consent:read"],
            Official = new OfficialAttributes { Department = "civil-affairs", Level = 3, Region = "320100" },
        });

        using var content = TokenServerFactory.Form(
            ("grant_type", GrantTypes.TokenExchange), ("subject_token", subject.Token),
            ("subject_token_type", TokenTypeIdentifiers.AccessToken), ("scope", "decision:check"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/oauth/token") { Content = content };
        request.Headers.Authorization = TokenServerFactory.Basic(AppId, AppSecret);
        using var response = await client.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TokenTypeIdentifiers.AccessToken, body.RootElement.GetProperty("issued_token_type").GetString());
        Assert.Equal("decision:check", body.RootElement.GetProperty("scope").GetString());
        var token = body.RootElement.GetProperty("access_token").GetString()!;
        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(token.Split('.')[1]));
        Assert.Equal("official:42", payload.RootElement.GetProperty("sub").GetString());
        Assert.Equal("civil-affairs", payload.RootElement.GetProperty("department").GetString());
        Assert.Equal(AppId, payload.RootElement.GetProperty("act").GetProperty("sub").GetString());
    }

    private Task RegisterAppAsync() => _server.Services.GetRequiredService<SqlClientStore>().SaveAsync(new OAuthClient
    {
        ClientId = AppId,
        AuthenticationMethods = [ClientAuthenticationMethods.ClientSecretBasic],
        SecretHashes = [ClientSecretHasher.Hash(AppSecret)],
        GrantTypes = [GrantTypes.TokenExchange],
        Scopes = ["decision:check"],
    });
}
