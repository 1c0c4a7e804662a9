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

    [Fact]
    public async Task Token_WhenAudienceRegisteredForClientRequested_IssuesTokenTheDecisionApiRefuses()
    {
        await RegisterAppAsync();
        using var client = _server.CreateClient();

        using var response = await ExchangeAsync(client, OfficialToken(), ("audience", "tax-service"), ("resource", "https://casework.example.gov/api"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = body.RootElement.GetProperty("access_token").GetString()!;
        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(token.Split('.')[1]));
        Assert.Equal(["https://casework.example.gov/api", "tax-service"], payload.RootElement.GetProperty("aud").EnumerateArray().Select(a => a.GetString()));
        var decisionApi = _server.Services.GetRequiredService<GovAuthZ.Tokens.Validation.AccessTokenValidator>();
        Assert.Equal(GovAuthZ.Core.Errors.ErrorCode.AccessTokenAudienceInvalid, (await decisionApi.ValidateAsync(token)).Code);
    }

    [Theory]
    [InlineData("audience", "payroll")]
    [InlineData("resource", "https://casework.example.gov/api#section")]
    public async Task Token_WhenTargetNotAllowedOrMalformed_Answers400InvalidTarget(string parameter, string value)
    {
        await RegisterAppAsync();
        using var client = _server.CreateClient();

        using var response = await ExchangeAsync(client, OfficialToken(), (parameter, value));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"invalid_target\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_WhenSubjectIsClientCredentialsToken_Answers400InvalidRequest()
    {
        await RegisterAppAsync();
        using var client = _server.CreateClient();
        using var grant = new HttpRequestMessage(HttpMethod.Post, "/oauth/token") { Content = TokenServerFactory.Form(("grant_type", "client_credentials"), ("scope", "decision:check")) };
        grant.Headers.Authorization = TokenServerFactory.Basic("tax-app", TokenServerFactory.TaxSecret);
        using var issued = await client.SendAsync(grant);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        using var clientToken = JsonDocument.Parse(await issued.Content.ReadAsStringAsync());

        using var response = await ExchangeAsync(client, clientToken.RootElement.GetProperty("access_token").GetString()!);

        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", error.RootElement.GetProperty("error").GetString());
        Assert.Equal(
            GovAuthZ.Core.Errors.ErrorMessages.For(GovAuthZ.Core.Errors.ErrorCode.TokenExchangeSubjectNotUser),
            error.RootElement.GetProperty("error_description").GetString());
    }

    private string OfficialToken() => _server.Services.GetRequiredService<AccessTokenIssuer>().Issue(new AccessTokenDescriptor
    {
        Subject = "official:42",
        ClientId = "portal",
        Scopes = ["decision:check"],
        Official = new OfficialAttributes { Department = "civil-affairs", Level = 3, Region = "320100" },
    }).Token;

    private static async Task<HttpResponseMessage> ExchangeAsync(HttpClient client, string subjectToken, params (string Name, string Value)[] extra)
    {
        (string, string)[] form = [("grant_type", GrantTypes.TokenExchange), ("subject_token", subjectToken), ("subject_token_type", TokenTypeIdentifiers.AccessToken), .. extra];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/oauth/token") { Content = TokenServerFactory.Form(form) };
        request.Headers.Authorization = TokenServerFactory.Basic(AppId, AppSecret);
        return await client.SendAsync(request);
    }

    private Task RegisterAppAsync() => _server.Services.GetRequiredService<SqlClientStore>().SaveAsync(new OAuthClient
    {
        ClientId = AppId,
        AuthenticationMethods = [ClientAuthenticationMethods.ClientSecretBasic],
        SecretHashes = [ClientSecretHasher.Hash(AppSecret)],
        GrantTypes = [GrantTypes.TokenExchange],
        Scopes = ["decision:check"],
        Audiences = ["https://casework.example.gov/api", "tax-service"],
    });
}
