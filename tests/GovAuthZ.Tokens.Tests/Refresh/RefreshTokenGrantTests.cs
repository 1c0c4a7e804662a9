using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Errors;
using GovAuthZ.Tokens.Grants;
using GovAuthZ.Tokens.Refresh;
using GovAuthZ.Tokens.Tests.Fakes;

namespace GovAuthZ.Tokens.Tests.Refresh;

public sealed class RefreshTokenGrantTests : GrantTestBase
{
    [Fact]
    public async Task ProcessAsync_WhenRefreshTokenValid_RotatesAndIssuesAccessTokenForTheOfficial()
    {
        var (_, refresh) = await Fixture.GrantAsync(GrantFixture.AppId, "decision:check", "consent:read");

        var result = await Fixture.RefreshAsync(GrantFixture.AppId, refresh.Token);

        Assert.True(result.Succeeded, result.Error?.Description);
        var response = result.Response!;
        Assert.NotNull(response.RefreshToken);
        Assert.NotEqual(refresh.Token, response.RefreshToken);
        Assert.Equal(43, response.RefreshToken.Length);
        Assert.Equal("decision:check consent:read", response.Scope);
        var validated = await Fixture.Tokens.Validator.ValidateAsync(response.AccessToken);
        Assert.True(validated.IsValid);
        Assert.Equal("official:42", validated.Token!.Subject);
        Assert.Equal(GrantFixture.AppId, validated.Token.ClientId);
        Assert.Equal("civil-affairs", validated.Token.Official!.Department);
        Assert.Equal(["caseworker"], validated.Token.Official.Roles);
        Assert.Equal("320100", validated.Token.Official.Region);
        Assert.Equal(GovAuthZ.Tokens.Issuance.Clearances.Important, validated.Token.Official.Clearance);
    }

    [Fact]
    public async Task IssueAsync_WhenCalled_StoresOnlyTheHashBoundToClientAndFamily()
    {
        var (_, refresh) = await Fixture.GrantAsync(GrantFixture.AppId, "decision:check");

        Assert.Null(await Fixture.Store.FindAsync(refresh.Token, default));
        var record = await Fixture.Store.FindAsync(RefreshTokenService.Hash(refresh.Token), default);
        Assert.NotNull(record);
        Assert.Equal(GrantFixture.AppId, record.ClientId);
        Assert.Equal(refresh.FamilyId, record.FamilyId);
        Assert.Equal(Fixture.Tokens.Time.GetUtcNow().AddHours(2), record.ExpiresAt);
        Assert.Equal(Fixture.Tokens.Time.GetUtcNow().AddHours(8), record.FamilyExpiresAt);
    }

    [Fact]
    public async Task ProcessAsync_WhenRotatedTokenReused_RevokesTheWholeFamilyAndItsAccessTokens()
    {
        var (firstAccess, refresh) = await Fixture.GrantAsync(GrantFixture.AppId, "decision:check");
        var rotated = (await Fixture.RefreshAsync(GrantFixture.AppId, refresh.Token)).Response!;
        Assert.True(await Fixture.IsActiveAsync(rotated.AccessToken));

        var reuse = await Fixture.RefreshAsync(GrantFixture.AppId, refresh.Token);

        Assert.Equal(ErrorCode.RefreshTokenReused, reuse.Code);
        Assert.Equal(OAuthErrors.InvalidGrant, reuse.Error!.Value.Error);
        Assert.False(await Fixture.IsActiveAsync(firstAccess.Token));
        Assert.False(await Fixture.IsActiveAsync(rotated.AccessToken));
        var successor = await Fixture.RefreshAsync(GrantFixture.AppId, rotated.RefreshToken!);
        Assert.Equal(ErrorCode.RefreshTokenRevoked, successor.Code);
    }

    [Fact]
    public async Task ProcessAsync_WhenEightConcurrentRefreshesOfOneToken_ExactlyOneSucceeds()
    {
        var (_, refresh) = await Fixture.GrantAsync(GrantFixture.AppId, "decision:check");

        var attempts = new Task<TokenEndpointResult>[8];
        for (var i = 0; i < attempts.Length; i++)
        {
            attempts[i] = Task.Run(async () => await Fixture.RefreshAsync(GrantFixture.AppId, refresh.Token));
        }

        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(OAuthErrors.InvalidGrant, r.Error!.Value.Error));
    }

    [Fact]
    public async Task ProcessAsync_WhenSlidingLifetimePassed_FailsExpired()
    {
        var (_, refresh) = await Fixture.GrantAsync(GrantFixture.AppId, "decision:check");
        Fixture.Tokens.Time.Advance(TimeSpan.FromHours(2));

        var result = await Fixture.RefreshAsync(GrantFixture.AppId, refresh.Token);

        Assert.Equal(ErrorCode.RefreshTokenExpired, result.Code);
        Assert.Equal(OAuthErrors.InvalidGrant, result.Error!.Value.Error);
    }

    [Fact]
    public async Task ProcessAsync_WhenRotatedWithinSlidingLifetime_NeverOutlivesTheFamilysAbsoluteLifetime()
    {
        var (_, refresh) = await Fixture.GrantAsync(GrantFixture.AppId, "decision:check");
        var token = refresh.Token;
        for (var i = 0; i < 5; i++)
        {
            Fixture.Tokens.Time.Advance(TimeSpan.FromMinutes(90));
            var rotated = await Fixture.RefreshAsync(GrantFixture.AppId, token);
            Assert.True(rotated.Succeeded, rotated.Error?.Description);
            token = rotated.Response!.RefreshToken!;
        }

        // 7.5 h in: the successor's sliding expiry (9.5 h) is capped at the family's 8 h.
        Fixture.Tokens.Time.Advance(TimeSpan.FromMinutes(30));
        var result = await Fixture.RefreshAsync(GrantFixture.AppId, token);

        Assert.Equal(ErrorCode.RefreshTokenExpired, result.Code);
    }

    [Fact]
    public async Task ProcessAsync_WhenScopeNarrowed_IssuesNarrowAccessTokenAndKeepsTheGrantsScope()
    {
        var (_, refresh) = await Fixture.GrantAsync(GrantFixture.AppId, "decision:check", "consent:read");

        var narrowed = await Fixture.RefreshAsync(GrantFixture.AppId, refresh.Token, "consent:read");

        Assert.Equal("consent:read", narrowed.Response!.Scope);
        Assert.Equal(["consent:read"], (await Fixture.Tokens.Validator.ValidateAsync(narrowed.Response.AccessToken)).Token!.Scopes);
        var full = await Fixture.RefreshAsync(GrantFixture.AppId, narrowed.Response.RefreshToken!);
        Assert.Equal("decision:check consent:read", full.Response!.Scope);
    }

    [Fact]
    public async Task ProcessAsync_WhenScopeWidened_FailsInvalidScopeWithoutUsingTheToken()
    {
        var (_, refresh) = await Fixture.GrantAsync(GrantFixture.AppId, "decision:check");

        var widened = await Fixture.RefreshAsync(GrantFixture.AppId, refresh.Token, "decision:check decision:explain");

        Assert.Equal(ErrorCode.RefreshTokenScopeWidened, widened.Code);
        Assert.Equal(OAuthErrors.InvalidScope, widened.Error!.Value.Error);
        Assert.True((await Fixture.RefreshAsync(GrantFixture.AppId, refresh.Token)).Succeeded);
    }

    [Fact]
    public async Task ProcessAsync_WhenAnotherClientPresentsTheToken_FailsInvalidGrant()
    {
        var (_, refresh) = await Fixture.GrantAsync(GrantFixture.AppId, "decision:check");

        var result = await Fixture.RefreshAsync(GrantFixture.OtherAppId, refresh.Token);

        Assert.Equal(ErrorCode.RefreshTokenClientMismatch, result.Code);
        Assert.Equal(OAuthErrors.InvalidGrant, result.Error!.Value.Error);
    }

    [Fact]
    public async Task ProcessAsync_WhenConfidentialClientDoesNotAuthenticate_FailsInvalidClient()
    {
        var (_, refresh) = await Fixture.GrantAsync(GrantFixture.AppId, "decision:check");

        var result = await Fixture.Pipeline.ProcessAsync(new TokenEndpointRequest
        {
            Form = [new("grant_type", "refresh_token"), new("refresh_token", refresh.Token), new("client_id", GrantFixture.AppId)],
        });

        Assert.Equal(OAuthErrors.InvalidClient, result.Error!.Value.Error);
    }

    [Fact]
    public async Task ProcessAsync_WhenPublicClientPresentsItsOwnToken_Rotates()
    {
        var (_, refresh) = await Fixture.GrantAsync(GrantFixture.SpaId, "consent:read");

        var result = await Fixture.RefreshAsync(GrantFixture.SpaId, refresh.Token);

        Assert.True(result.Succeeded, result.Error?.Description);
        Assert.NotEqual(refresh.Token, result.Response!.RefreshToken);
    }

    [Fact]
    public async Task ProcessAsync_WhenTokenUnknownOrMissing_FailsWithStableCodes()
    {
        var unknown = await Fixture.RefreshAsync(GrantFixture.AppId, "not-a-token");
        var missing = await Fixture.ProcessAsync(GrantFixture.AppId, [new("grant_type", "refresh_token")]);

        Assert.Equal(ErrorCode.RefreshTokenUnknown, unknown.Code);
        Assert.Equal(OAuthErrors.InvalidGrant, unknown.Error!.Value.Error);
        Assert.Equal(ErrorCode.TokenRequestMissingParameter, missing.Code);
    }

    [Fact]
    public async Task ProcessAsync_WhenClientNotRegisteredForRefresh_FailsUnauthorizedClient()
    {
        var result = await Fixture.RefreshAsync(GrantFixture.NoRefreshId, "anything");

        Assert.Equal(ErrorCode.GrantTypeNotAllowed, result.Code);
    }

    [Fact]
    public async Task RevokeAsync_WhenRefreshTokenRevokedByItsClient_RevokesFamilyAccessTokens()
    {
        var (access, refresh) = await Fixture.GrantAsync(GrantFixture.AppId, "decision:check");
        var rotated = (await Fixture.RefreshAsync(GrantFixture.AppId, refresh.Token)).Response!;

        Assert.False(await Fixture.RefreshTokens.RevokeAsync(rotated.RefreshToken, await Fixture.ClientAsync(GrantFixture.OtherAppId)));
        Assert.True(await Fixture.IsActiveAsync(rotated.AccessToken));
        Assert.True(await Fixture.RefreshTokens.RevokeAsync(rotated.RefreshToken, await Fixture.ClientAsync(GrantFixture.AppId)));

        Assert.False(await Fixture.IsActiveAsync(access.Token));
        Assert.False(await Fixture.IsActiveAsync(rotated.AccessToken));
        Assert.Equal(ErrorCode.RefreshTokenRevoked, (await Fixture.RefreshAsync(GrantFixture.AppId, rotated.RefreshToken!)).Code);
    }

    [Fact]
    public void SupportedGrantTypes_WhenRefreshServiceGiven_IncludesRefreshToken()
    {
        Assert.Contains(GrantTypes.RefreshToken, Fixture.Pipeline.SupportedGrantTypes);
        Assert.Contains(GrantTypes.ClientCredentials, Fixture.Pipeline.SupportedGrantTypes);
    }
}
