using System.Text.Json;
using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Clients;
using GovAuthZ.Tokens.Issuance;
using GovAuthZ.Tokens.Tests.Fakes;
using GovAuthZ.Tokens.Validation;

namespace GovAuthZ.Tokens.Tests.Validation;

public sealed class TokenIntrospectionServiceTests
{
    private static readonly OAuthClient Portal = new() { ClientId = "portal", AuthenticationMethods = [ClientAuthenticationMethods.PrivateKeyJwt] };
    private static readonly OAuthClient Other = new() { ClientId = "other", AuthenticationMethods = [ClientAuthenticationMethods.PrivateKeyJwt] };
    private static readonly OAuthClient Spa = new() { ClientId = "spa", Type = ClientType.Public, AuthenticationMethods = [ClientAuthenticationMethods.None] };

    [Fact]
    public async Task IntrospectAsync_WhenTokenValidForAnyAudience_ReturnsActiveWithClaims()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var service = new TokenIntrospectionService(fixture.Options, fixture.Ring, fixture.Revoked);
        var issued = fixture.AccessTokens.Issue(new AccessTokenDescriptor
        {
            Subject = "official:42",
            ClientId = "portal",
            Audiences = ["consent-api"],
            Scopes = ["consent:read"],
            Official = new OfficialAttributes { Department = "civil-affairs", Roles = ["caseworker"], Level = 3, Region = "320100", Clearance = "core" },
        });

        var response = await service.IntrospectAsync(issued.Token, Other);

        Assert.True(response.Active);
        Assert.Equal("official:42", response.Subject);
        Assert.Equal("portal", response.ClientId);
        Assert.Equal("consent:read", response.Scope);
        Assert.Equal(["consent-api"], response.Audiences);
        Assert.Equal(issued.ExpiresAt.ToUnixTimeSeconds(), response.ExpiresAt);
        Assert.Equal(issued.TokenId, response.TokenId);
        Assert.Equal("core", response.Clearance);
    }

    [Fact]
    public async Task IntrospectAsync_WhenTokenExpired_ReturnsOnlyActiveFalse()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var service = new TokenIntrospectionService(fixture.Options, fixture.Ring, fixture.Revoked);
        var issued = fixture.IssueOfficialToken();

        fixture.Time.Set(issued.ExpiresAt + TimeSpan.FromMinutes(1));
        var response = await service.IntrospectAsync(issued.Token, Other);

        Assert.Equal("""{"active":false}""", JsonSerializer.Serialize(response));
    }

    [Fact]
    public async Task IntrospectAsync_WhenCallerIsPublicClient_ReturnsInactive()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var service = new TokenIntrospectionService(fixture.Options, fixture.Ring, fixture.Revoked);

        Assert.False((await service.IntrospectAsync(fixture.IssueOfficialToken().Token, Spa)).Active);
    }

    [Fact]
    public async Task RevokeAsync_WhenCallerOwnsToken_RevokesItEverywhere()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var service = new TokenIntrospectionService(fixture.Options, fixture.Ring, fixture.Revoked);
        var issued = fixture.IssueOfficialToken();

        Assert.True(await service.RevokeAsync(issued.Token, Portal));

        Assert.Equal(ErrorCode.AccessTokenRevoked, (await fixture.Validator.ValidateAsync(issued.Token)).Code);
        Assert.False((await service.IntrospectAsync(issued.Token, Other)).Active);
    }

    [Fact]
    public async Task RevokeAsync_WhenCallerDoesNotOwnToken_LeavesItValid()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var service = new TokenIntrospectionService(fixture.Options, fixture.Ring, fixture.Revoked);
        var issued = fixture.IssueOfficialToken();

        Assert.False(await service.RevokeAsync(issued.Token, Other));
        Assert.False(await service.RevokeAsync("garbage", Portal));

        Assert.True((await fixture.Validator.ValidateAsync(issued.Token)).IsValid);
    }
}
