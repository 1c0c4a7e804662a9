using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Errors;
using Microsoft.IdentityModel.JsonWebTokens;

namespace GovAuthZ.Tokens.Tests.Authorization;

public sealed class AuthorizationCodeGrantTests : IAsyncLifetime
{
    private AuthorizationCodeFixture _f = null!;

    public async Task InitializeAsync() => _f = await AuthorizationCodeFixture.CreateAsync();

    public Task DisposeAsync()
    {
        _f.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ProcessAsync_WhenCodeAndVerifierValid_IssuesOfficialAccessTokenAndIdToken()
    {
        var authTime = _f.Tokens.Time.GetUtcNow();
        var code = await _f.IssueCodeAsync();

        var result = await _f.RedeemAsync(code);

        Assert.True(result.Succeeded, result.Error?.Description);
        Assert.Equal("openid decision:check", result.Response!.Scope);
        var validated = await _f.Tokens.Validator.ValidateAsync(result.Response.AccessToken);
        Assert.True(validated.IsValid);
        Assert.Equal("official:wang", validated.Token!.Subject);
        Assert.Equal(AuthorizationCodeFixture.PortalId, validated.Token.ClientId);
        Assert.Equal("civil_affairs_nj", validated.Token.Official!.Department);
        Assert.Equal(["role:caseworker"], validated.Token.Official.Roles);
        var idToken = new JsonWebToken(result.Response.IdToken);
        Assert.Equal("official:wang", idToken.Subject);
        Assert.Equal([AuthorizationCodeFixture.PortalId], idToken.Audiences);
        Assert.Equal("n-456", idToken.GetClaim("nonce").Value);
        Assert.Equal(AuthorizationCodeFixture.PortalId, idToken.GetClaim("azp").Value);
        Assert.Equal(authTime.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), idToken.GetClaim("auth_time").Value);
    }

    [Fact]
    public async Task ProcessAsync_WhenCitizenWithoutOpenid_IssuesAccessTokenOnlyWithoutOfficialClaims()
    {
        var code = await _f.IssueCodeAsync("citizen:zhang", ("scope", "consent:read"));

        var result = await _f.RedeemAsync(code);

        Assert.True(result.Succeeded, result.Error?.Description);
        Assert.Null(result.Response!.IdToken);
        var validated = await _f.Tokens.Validator.ValidateAsync(result.Response.AccessToken);
        Assert.Equal("citizen:zhang", validated.Token!.Subject);
        Assert.Null(validated.Token.Official);
    }

    [Fact]
    public async Task ProcessAsync_WhenVerifierWrong_RefusesWithInvalidGrantAndBurnsTheCode()
    {
        var code = await _f.IssueCodeAsync();

        var wrong = await _f.RedeemAsync(code, verifier: AuthorizationCodeFixture.Verifier.Replace('0', '1'));
        var retry = await _f.RedeemAsync(code);

        Assert.Equal(ErrorCode.PkceVerifierMismatch, wrong.Code);
        Assert.Equal(OAuthErrors.InvalidGrant, wrong.Error!.Value.Error);
        Assert.False(retry.Succeeded);
    }

    [Fact]
    public async Task ProcessAsync_WhenVerifierMissing_Refuses()
    {
        var code = await _f.IssueCodeAsync();

        var result = await _f.RedeemAsync(code, verifier: null);

        Assert.Equal(ErrorCode.PkceVerifierMalformed, result.Code);
    }

    [Fact]
    public async Task ProcessAsync_WhenRedirectUriDiffersFromTheAuthorizationRequest_Refuses()
    {
        var code = await _f.IssueCodeAsync();

        var result = await _f.RedeemAsync(code, redirectUri: AuthorizationCodeFixture.Redirect + "/");

        Assert.Equal(ErrorCode.AuthorizationCodeRedirectMismatch, result.Code);
        Assert.Equal(OAuthErrors.InvalidGrant, result.Error!.Value.Error);
    }

    [Fact]
    public async Task ProcessAsync_WhenAnotherClientPresentsTheCode_Refuses()
    {
        var code = await _f.IssueCodeAsync();

        var result = await _f.RedeemAsync(code, clientId: AuthorizationCodeFixture.OtherId, redirectUri: AuthorizationCodeFixture.Redirect);

        Assert.Equal(ErrorCode.AuthorizationCodeClientMismatch, result.Code);
    }

    [Fact]
    public async Task ProcessAsync_WhenCodeExpired_Refuses()
    {
        var code = await _f.IssueCodeAsync();
        _f.Tokens.Time.Advance(TimeSpan.FromSeconds(61));

        var result = await _f.RedeemAsync(code);

        Assert.Equal(ErrorCode.AuthorizationCodeInvalid, result.Code);
    }

    [Fact]
    public async Task ProcessAsync_WhenCodeUsedJustBeforeExpiry_Succeeds()
    {
        var code = await _f.IssueCodeAsync();
        _f.Tokens.Time.Advance(TimeSpan.FromSeconds(59));

        var result = await _f.RedeemAsync(code);

        Assert.True(result.Succeeded, result.Error?.Description);
    }

    [Fact]
    public async Task ProcessAsync_WhenCodeUnknown_Refuses()
    {
        var result = await _f.RedeemAsync("never-issued-code");

        Assert.Equal(ErrorCode.AuthorizationCodeInvalid, result.Code);
    }

    [Fact]
    public async Task ProcessAsync_WhenCodeReplayed_RefusesAndRevokesTheFirstAccessToken()
    {
        var code = await _f.IssueCodeAsync();
        var first = await _f.RedeemAsync(code);
        Assert.True((await _f.Tokens.Validator.ValidateAsync(first.Response!.AccessToken)).IsValid);

        var replay = await _f.RedeemAsync(code);

        Assert.Equal(ErrorCode.AuthorizationCodeReplayed, replay.Code);
        Assert.Equal(OAuthErrors.InvalidGrant, replay.Error!.Value.Error);
        var after = await _f.Tokens.Validator.ValidateAsync(first.Response.AccessToken);
        Assert.False(after.IsValid);
        Assert.Equal(ErrorCode.AccessTokenRevoked, after.Error!.Value.Code);
    }

    [Fact]
    public async Task ProcessAsync_WhenEightRedemptionsRace_AtMostOneSucceedsAndNoTokenSurvives()
    {
        var code = await _f.IssueCodeAsync();
        using var start = new ManualResetEventSlim(false);
        var tasks = new Task<Tokens.Grants.TokenEndpointResult>[8];
        for (var i = 0; i < tasks.Length; i++)
        {
            tasks[i] = Task.Run(async () =>
            {
                start.Wait();
                return await _f.RedeemAsync(code);
            });
        }

        start.Set();
        var results = await Task.WhenAll(tasks);

        // Single use: at most one redemption wins. The other seven are replays, and a replay revokes what the
        // code issued (RFC 6749 4.1.2) even when it lands before the winner recorded its tokens, in which case
        // the winner is refused too. So whatever the interleaving, no token from the race stays usable.
        Assert.InRange(results.Count(r => r.Succeeded), 0, 1);
        Assert.All(results, r => Assert.True(r.Succeeded || r.Code == ErrorCode.AuthorizationCodeReplayed, r.Code.ToString()));
        foreach (var winner in results.Where(r => r.Succeeded))
        {
            Assert.False((await _f.Tokens.Validator.ValidateAsync(winner.Response!.AccessToken)).IsValid);
        }
    }
}
