using System.Security.Cryptography;
using System.Text;
using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Authorization;
using Microsoft.IdentityModel.JsonWebTokens;

namespace GovAuthZ.Tokens.Tests.Authorization;

/// <summary>The code grant's refresh token (RFC 6749 4.1.4), its family on replay (4.1.2), and at_hash (OIDC Core 3.1.3.6).</summary>
public sealed class AuthorizationCodeRefreshTests : IAsyncLifetime
{
    private AuthorizationCodeFixture _f = null!;

    public async Task InitializeAsync() => _f = await AuthorizationCodeFixture.CreateAsync();

    public Task DisposeAsync()
    {
        _f.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ProcessAsync_WhenClientAllowsRefreshGrant_ReturnsRefreshTokenThatRotatesForTheSameOfficial()
    {
        var code = await _f.IssueCodeAsync(overrides: ("client_id", AuthorizationCodeFixture.RefreshingId));

        var issued = await _f.RedeemAsync(code, AuthorizationCodeFixture.RefreshingId);
        var refreshed = await _f.RefreshAsync(issued.Response!.RefreshToken!);

        Assert.True(refreshed.Succeeded, refreshed.Error?.Description);
        Assert.NotEqual(issued.Response.RefreshToken, refreshed.Response!.RefreshToken);
        Assert.Equal("openid decision:check", refreshed.Response.Scope);
        var token = (await _f.Tokens.Validator.ValidateAsync(refreshed.Response.AccessToken)).Token!;
        Assert.Equal("official:wang", token.Subject);
        Assert.Equal(AuthorizationCodeFixture.RefreshingId, token.ClientId);
        Assert.Equal("civil_affairs_nj", token.Official!.Department);
        Assert.Equal(["role:caseworker"], token.Official.Roles);
        Assert.Equal(ErrorCode.RefreshTokenReused, (await _f.RefreshAsync(issued.Response.RefreshToken!)).Code);
    }

    [Fact]
    public async Task ProcessAsync_WhenRefreshed_ReturnsNoIdToken()
    {
        var code = await _f.IssueCodeAsync(overrides: ("client_id", AuthorizationCodeFixture.RefreshingId));
        var issued = await _f.RedeemAsync(code, AuthorizationCodeFixture.RefreshingId);

        var refreshed = await _f.RefreshAsync(issued.Response!.RefreshToken!);

        Assert.NotNull(issued.Response.IdToken);
        Assert.Null(refreshed.Response!.IdToken);
    }

    [Fact]
    public async Task ProcessAsync_WhenClientNotRegisteredForRefresh_ReturnsNoRefreshToken()
    {
        var code = await _f.IssueCodeAsync();

        var result = await _f.RedeemAsync(code);

        Assert.True(result.Succeeded, result.Error?.Description);
        Assert.Null(result.Response!.RefreshToken);
    }

    [Fact]
    public async Task ProcessAsync_WhenCodeReplayed_RevokesTheRefreshFamilyAndTheAccessTokens()
    {
        var code = await _f.IssueCodeAsync(overrides: ("client_id", AuthorizationCodeFixture.RefreshingId));
        var issued = await _f.RedeemAsync(code, AuthorizationCodeFixture.RefreshingId);
        var rotated = await _f.RefreshAsync(issued.Response!.RefreshToken!);
        Assert.True(rotated.Succeeded, rotated.Error?.Description);

        var replay = await _f.RedeemAsync(code, AuthorizationCodeFixture.RefreshingId);
        var refreshAfter = await _f.RefreshAsync(rotated.Response!.RefreshToken!);

        Assert.Equal(ErrorCode.AuthorizationCodeReplayed, replay.Code);
        Assert.Equal(ErrorCode.RefreshTokenRevoked, refreshAfter.Code);
        Assert.Equal(ErrorCode.AccessTokenRevoked, (await _f.Tokens.Validator.ValidateAsync(issued.Response.AccessToken)).Code);
        Assert.Equal(ErrorCode.AccessTokenRevoked, (await _f.Tokens.Validator.ValidateAsync(rotated.Response.AccessToken)).Code);
    }

    [Fact]
    public void Deserialize_WhenStoredRecordPredatesFamilies_ReadsFamilyAsNull()
    {
        var old = System.Text.Json.JsonSerializer.Deserialize<IssuedFromCode[]>("""[{"TokenId":"jti-1","ExpiresAt":"2026-03-01T08:10:00+00:00"}]""")!;

        Assert.Equal("jti-1", old[0].TokenId);
        Assert.Null(old[0].RefreshFamilyId);
    }

    [Fact]
    public async Task ProcessAsync_WhenIdTokenIssued_AtHashIsLeftHalfOfSha256OfTheAccessToken()
    {
        var code = await _f.IssueCodeAsync();

        var result = await _f.RedeemAsync(code);

        var idToken = new JsonWebToken(result.Response!.IdToken);
        Assert.Equal("ES256", idToken.Alg);
        Assert.Equal(ExpectedAtHash(result.Response.AccessToken), idToken.GetClaim("at_hash").Value);
    }

    /// <summary>OIDC Core 3.1.3.6 computed independently: SHA-256 of the ASCII token, first 16 bytes, base64url without padding.</summary>
    internal static string ExpectedAtHash(string accessToken)
    {
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(accessToken));
        return Convert.ToBase64String(hash, 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
