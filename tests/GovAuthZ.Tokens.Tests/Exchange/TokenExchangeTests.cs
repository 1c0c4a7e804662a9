using System.Buffers.Text;
using System.Text.Json;
using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Errors;
using GovAuthZ.Tokens.Grants;
using GovAuthZ.Tokens.Issuance;
using GovAuthZ.Tokens.Tests.Fakes;

namespace GovAuthZ.Tokens.Tests.Exchange;

public sealed class TokenExchangeTests : GrantTestBase
{
    [Fact]
    public async Task ProcessAsync_WhenOfficialTokenExchanged_IssuesNarrowedTokenForTheOfficialWithActClaim()
    {
        var subject = Fixture.Tokens.IssueOfficialToken();

        var result = await ExchangeAsync(GrantFixture.AppId, subject.Token, "decision:check");

        Assert.True(result.Succeeded, result.Error?.Description);
        var response = result.Response!;
        Assert.Equal("urn:ietf:params:oauth:token-type:access_token", response.IssuedTokenType);
        Assert.Equal("Bearer", response.TokenType);
        Assert.Equal("decision:check", response.Scope);
        Assert.Null(response.RefreshToken);
        var validated = (await Fixture.Tokens.Validator.ValidateAsync(response.AccessToken)).Token!;
        Assert.Equal("official:42", validated.Subject);
        Assert.Equal(GrantFixture.AppId, validated.ClientId);
        Assert.Equal(["decision:check"], validated.Scopes);
        Assert.Equal("civil-affairs", validated.Official!.Department);
        Assert.Equal(["caseworker", "reviewer"], validated.Official.Roles);
        Assert.Equal(Clearances.Important, validated.Official.Clearance);
        using var payload = Payload(response.AccessToken);
        var act = payload.RootElement.GetProperty("act");
        Assert.Equal(JsonValueKind.Object, act.ValueKind);
        Assert.Equal(GrantFixture.AppId, act.GetProperty("sub").GetString());
        Assert.Single(act.EnumerateObject());
    }

    [Fact]
    public async Task ProcessAsync_WhenNoScopeRequested_GrantsWhatSubjectTokenAndClientShare()
    {
        var subject = Fixture.Tokens.AccessTokens.Issue(new AccessTokenDescriptor { Subject = "official:7", ClientId = "portal", Scopes = ["consent:read", "audit:read"] });

        var result = await ExchangeAsync(GrantFixture.AppId, subject.Token, null);

        Assert.Equal("consent:read", result.Response!.Scope);
    }

    [Theory]
    [InlineData("decision:explain")]
    [InlineData("decision:check decision:explain")]
    [InlineData("audit:read")]
    public async Task ProcessAsync_WhenScopeWidensBeyondSubjectTokenOrClient_FailsInvalidScope(string scope)
    {
        var subject = Fixture.Tokens.AccessTokens.Issue(new AccessTokenDescriptor { Subject = "official:7", ClientId = "portal", Scopes = ["decision:check", "audit:read"] });

        var result = await ExchangeAsync(GrantFixture.AppId, subject.Token, scope);

        Assert.Equal(ErrorCode.TokenExchangeScopeWidened, result.Code);
        Assert.Equal(OAuthErrors.InvalidScope, result.Error!.Value.Error);
    }

    [Fact]
    public async Task ProcessAsync_WhenSubjectTokenInvalidExpiredOrRevoked_FailsInvalidRequest()
    {
        var revoked = Fixture.Tokens.IssueOfficialToken();
        Fixture.Tokens.Revoked.Revoke(revoked.TokenId, revoked.ExpiresAt);
        var forged = await ExchangeAsync(GrantFixture.AppId, "eyJhbGciOiJFUzI1NiJ9.e30.c2ln", null);
        var revokedResult = await ExchangeAsync(GrantFixture.AppId, revoked.Token, null);
        var expiring = Fixture.Tokens.IssueOfficialToken();
        Fixture.Tokens.Time.Advance(TimeSpan.FromMinutes(11));
        var expired = await ExchangeAsync(GrantFixture.AppId, expiring.Token, null);

        foreach (var result in new[] { forged, revokedResult, expired })
        {
            Assert.Equal(ErrorCode.TokenExchangeSubjectTokenInvalid, result.Code);
            Assert.Equal(OAuthErrors.InvalidRequest, result.Error!.Value.Error);
        }
    }

    [Fact]
    public async Task ProcessAsync_WhenClientNotRegisteredForTokenExchange_FailsUnauthorizedClient()
    {
        var result = await ExchangeAsync(GrantFixture.OtherAppId, Fixture.Tokens.IssueOfficialToken().Token, null);

        Assert.Equal(ErrorCode.GrantTypeNotAllowed, result.Code);
        Assert.Equal(OAuthErrors.UnauthorizedClient, result.Error!.Value.Error);
    }

    [Fact]
    public async Task ProcessAsync_WhenActorTokenOrOtherTokenTypeGiven_FailsInvalidRequest()
    {
        var token = Fixture.Tokens.IssueOfficialToken().Token;
        var actor = await Fixture.ProcessAsync(GrantFixture.AppId, Form(token, TokenTypeIdentifiers.AccessToken, ("actor_token", token), ("actor_token_type", TokenTypeIdentifiers.AccessToken)));
        var idToken = await Fixture.ProcessAsync(GrantFixture.AppId, Form(token, "urn:ietf:params:oauth:token-type:id_token"));
        var requestedJwt = await Fixture.ProcessAsync(GrantFixture.AppId, Form(token, TokenTypeIdentifiers.AccessToken, ("requested_token_type", "urn:ietf:params:oauth:token-type:jwt")));
        var missing = await Fixture.ProcessAsync(GrantFixture.AppId, [new("grant_type", GrantTypes.TokenExchange), new("subject_token", token)]);

        Assert.Equal(ErrorCode.TokenExchangeActorTokenUnsupported, actor.Code);
        Assert.Equal(ErrorCode.TokenExchangeTokenTypeUnsupported, idToken.Code);
        Assert.Equal(ErrorCode.TokenExchangeTokenTypeUnsupported, requestedJwt.Code);
        Assert.Equal(ErrorCode.TokenRequestMissingParameter, missing.Code);
        Assert.All(new[] { actor, idToken, requestedJwt, missing }, r => Assert.Equal(OAuthErrors.InvalidRequest, r.Error!.Value.Error));
    }

    [Fact]
    public void SupportedGrantTypes_WhenSubjectTokensGiven_IncludesTokenExchange()
    {
        Assert.Contains(GrantTypes.TokenExchange, Fixture.Pipeline.SupportedGrantTypes);
    }

    private ValueTask<TokenEndpointResult> ExchangeAsync(string clientId, string subjectToken, string? scope)
    {
        var form = Form(subjectToken, TokenTypeIdentifiers.AccessToken);
        if (scope is not null)
        {
            form.Add(new("scope", scope));
        }

        return Fixture.ProcessAsync(clientId, form);
    }

    private static List<KeyValuePair<string, string>> Form(string subjectToken, string subjectTokenType, params (string Name, string Value)[] extra)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", GrantTypes.TokenExchange), new("subject_token", subjectToken), new("subject_token_type", subjectTokenType),
        };
        foreach (var (name, value) in extra)
        {
            form.Add(new(name, value));
        }

        return form;
    }

    private static JsonDocument Payload(string jwt) => JsonDocument.Parse(Base64Url.DecodeFromChars(jwt.Split('.')[1]));
}
