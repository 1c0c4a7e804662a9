using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GovAuthZ.Tokens.Validation;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace GovAuthZ.Server.IntegrationTests.Tokens;

/// <summary>The seeded portal's whole flow: sign-in, code, refresh rotation, userinfo; and a code replay revoking the refresh family.</summary>
public sealed partial class AuthorizeEndpointTests
{
    [Fact]
    public async Task Token_WhenPortalRedeemsCode_RefreshTokenRotatesAndRefreshedTokenReadsUserInfo()
    {
        using var browser = Browser();
        var location = await SignInAsync(browser, "official:wang", "dev-only-wang-password-01", AuthorizeUrl(("scope", "openid profile decision:check")));
        using var issued = await ExchangeAsync(browser, QueryHelpers.ParseQuery(location.Query)["code"].ToString());
        using var issuedBody = JsonDocument.Parse(await issued.Content.ReadAsStringAsync());
        var firstRefresh = issuedBody.RootElement.GetProperty("refresh_token").GetString()!;

        using var refreshed = await RefreshAsync(browser, firstRefresh);
        using var refreshedBody = JsonDocument.Parse(await refreshed.Content.ReadAsStringAsync());
        using var userInfo = await UserInfoAsync(browser, refreshedBody.RootElement.GetProperty("access_token").GetString()!);
        using var claims = JsonDocument.Parse(await userInfo.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.NotEqual(firstRefresh, refreshedBody.RootElement.GetProperty("refresh_token").GetString());
        Assert.False(refreshedBody.RootElement.TryGetProperty("id_token", out _));
        Assert.Equal(HttpStatusCode.OK, userInfo.StatusCode);
        Assert.Equal("official:wang", claims.RootElement.GetProperty("sub").GetString());
        Assert.Equal("civil_affairs_nj", claims.RootElement.GetProperty("department").GetString());
        Assert.True(claims.RootElement.TryGetProperty("name", out _));
    }

    [Fact]
    public async Task Token_WhenCodeReplayedAfterRefresh_RefreshFamilyAndItsAccessTokensAreRevoked()
    {
        using var browser = Browser();
        var location = await SignInAsync(browser, "citizen:zhang", "dev-only-zhang-password-03", AuthorizeUrl());
        var code = QueryHelpers.ParseQuery(location.Query)["code"].ToString();
        using var issued = await ExchangeAsync(browser, code);
        using var issuedBody = JsonDocument.Parse(await issued.Content.ReadAsStringAsync());
        using var refreshed = await RefreshAsync(browser, issuedBody.RootElement.GetProperty("refresh_token").GetString()!);
        using var refreshedBody = JsonDocument.Parse(await refreshed.Content.ReadAsStringAsync());

        using var replay = await ExchangeAsync(browser, code);
        using var refreshAfterReplay = await RefreshAsync(browser, refreshedBody.RootElement.GetProperty("refresh_token").GetString()!);

        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refreshAfterReplay.StatusCode);
        Assert.Contains("invalid_grant", await refreshAfterReplay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var validator = _server.Services.GetRequiredService<AccessTokenValidator>();
        Assert.False((await validator.ValidateAsync(refreshedBody.RootElement.GetProperty("access_token").GetString()!)).IsValid);
    }

    private static Task<HttpResponseMessage> RefreshAsync(HttpClient client, string refreshToken) =>
        client.PostAsync("/oauth/token", TokenServerFactory.Form(("grant_type", "refresh_token"), ("refresh_token", refreshToken), ("client_id", ClientId)));

    private static async Task<HttpResponseMessage> UserInfoAsync(HttpClient client, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/oauth/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await client.SendAsync(request);
    }
}
