using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Errors;
using GovAuthZ.Tokens.Grants;
using GovAuthZ.Tokens.Issuance;
using GovAuthZ.Tokens.Tests.Fakes;
using GovAuthZ.Tokens.Validation;

namespace GovAuthZ.Tokens.Tests.Exchange;

/// <summary>Who may be the subject of an exchange, and the resource (RFC 8707) and audience (RFC 8693 2.1) of the result.</summary>
public sealed class TokenExchangeTargetTests : GrantTestBase
{
    [Fact]
    public async Task ProcessAsync_WhenSubjectIsClientCredentialsToken_FailsSubjectNotUser()
    {
        // What the client_credentials grant writes: the client is its own subject, here with department attributes.
        var clientToken = Fixture.Tokens.AccessTokens.Issue(new AccessTokenDescriptor
        {
            Subject = "tax-app",
            ClientId = "tax-app",
            Scopes = ["decision:check"],
            Official = new OfficialAttributes { Department = "tax_nj", Region = "320100", Level = 3 },
        });

        var result = await ExchangeAsync(clientToken.Token);

        Assert.Equal(ErrorCode.TokenExchangeSubjectNotUser, result.Code);
        Assert.Equal(OAuthErrors.InvalidRequest, result.Error!.Value.Error);
    }

    [Fact]
    public async Task ProcessAsync_WhenSubjectIsCitizenToken_FailsSubjectNotOfficial()
    {
        var citizen = Fixture.Tokens.AccessTokens.Issue(new AccessTokenDescriptor { Subject = "citizen:zhang", ClientId = "portal", Scopes = ["consent:read"] });

        var result = await ExchangeAsync(citizen.Token);

        Assert.Equal(ErrorCode.TokenExchangeSubjectNotOfficial, result.Code);
    }

    [Fact]
    public async Task ProcessAsync_WhenAllowedResourceAndAudienceRequested_IssuesTokenForExactlyThose()
    {
        var result = await ExchangeAsync(Fixture.Tokens.IssueOfficialToken().Token, ("resource", GrantFixture.AllowedResource), ("audience", GrantFixture.AllowedAudience));

        Assert.True(result.Succeeded, result.Error?.Description);
        var forResource = new AccessTokenValidator(Fixture.Tokens.Options, Fixture.Tokens.Ring, Fixture.Tokens.Revoked, GrantFixture.AllowedResource);
        var validated = (await forResource.ValidateAsync(result.Response!.AccessToken)).Token!;
        Assert.Equal([GrantFixture.AllowedResource, GrantFixture.AllowedAudience], validated.Audiences);
        Assert.Equal("official:42", validated.Subject);
    }

    [Fact]
    public async Task ProcessAsync_WhenTokenIsForAnotherResource_DecisionApiValidatorRefusesIt()
    {
        var result = await ExchangeAsync(Fixture.Tokens.IssueOfficialToken().Token, ("audience", GrantFixture.AllowedAudience));

        var atDefaultAudience = await Fixture.Tokens.Validator.ValidateAsync(result.Response!.AccessToken);

        Assert.Equal(ErrorCode.AccessTokenAudienceInvalid, atDefaultAudience.Code);
    }

    [Fact]
    public async Task ProcessAsync_WhenNoTargetRequested_IssuesForTheDefaultAudience()
    {
        var result = await ExchangeAsync(Fixture.Tokens.IssueOfficialToken().Token);

        Assert.Equal([TokenFixture.Audience], (await Fixture.Tokens.Validator.ValidateAsync(result.Response!.AccessToken)).Token!.Audiences);
    }

    [Theory]
    [InlineData("resource", "https://other.example.gov/api")]
    [InlineData("audience", "payroll")]
    [InlineData("audience", "https://casework.example.gov/api/")]
    public async Task ProcessAsync_WhenTargetNotRegisteredForClient_FailsInvalidTarget(string parameter, string value)
    {
        var result = await ExchangeAsync(Fixture.Tokens.IssueOfficialToken().Token, (parameter, value));

        Assert.Equal(ErrorCode.TokenExchangeTargetNotAllowed, result.Code);
        Assert.Equal(OAuthErrors.InvalidTarget, result.Error!.Value.Error);
        Assert.Equal(400, result.Error.Value.HttpStatus);
    }

    [Theory]
    [InlineData("resource", "casework-api")]
    [InlineData("resource", "https://casework.example.gov/api#frag")]
    [InlineData("resource", "/relative/path")]
    [InlineData("audience", "two words")]
    public async Task ProcessAsync_WhenTargetMalformed_FailsInvalidTarget(string parameter, string value)
    {
        var result = await ExchangeAsync(Fixture.Tokens.IssueOfficialToken().Token, (parameter, value));

        Assert.Equal(ErrorCode.TokenExchangeTargetMalformed, result.Code);
        Assert.Equal(OAuthErrors.InvalidTarget, result.Error!.Value.Error);
    }

    [Fact]
    public async Task ProcessAsync_WhenOneOfTwoResourcesNotAllowed_FailsInvalidTarget()
    {
        var result = await ExchangeAsync(Fixture.Tokens.IssueOfficialToken().Token, ("resource", GrantFixture.AllowedResource), ("resource", "https://other.example.gov/"));

        Assert.Equal(ErrorCode.TokenExchangeTargetNotAllowed, result.Code);
    }

    private ValueTask<TokenEndpointResult> ExchangeAsync(string subjectToken, params (string Name, string Value)[] extra)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", GrantTypes.TokenExchange), new("subject_token", subjectToken), new("subject_token_type", TokenTypeIdentifiers.AccessToken),
        };
        foreach (var (name, value) in extra)
        {
            form.Add(new(name, value));
        }

        return Fixture.ProcessAsync(GrantFixture.AppId, form);
    }
}
