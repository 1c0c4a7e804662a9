using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.WebUtilities;

namespace GovAuthZ.Server.IntegrationTests.Tokens;

/// <summary>RP-Initiated Logout 1.0 at /oauth/end-session on the real host.</summary>
public sealed class EndSessionTests : IClassFixture<TokenServerFixture>
{
    private readonly TokenServerFactory _server;

    public EndSessionTests(TokenServerFixture fixture) => _server = fixture.Server;

    [Fact]
    public async Task EndSession_WhenHintAndRegisteredUri_RedirectsWithStateAndEndsSso()
    {
        using var browser = new BrowserFlow(_server);
        var idToken = await SignedInIdTokenAsync(browser);

        using var logout = await browser.Client.GetAsync(EndSessionUrl(("id_token_hint", idToken), ("post_logout_redirect_uri", BrowserFlow.PortalSignedOut), ("state", "bye-1")));
        using var after = await browser.Client.GetAsync(BrowserFlow.AuthorizeUrl());

        Assert.Equal(HttpStatusCode.SeeOther, logout.StatusCode);
        Assert.Equal(BrowserFlow.PortalSignedOut + "?state=bye-1", logout.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("name=\"password\"", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndSession_WhenOldCookieReplayedAfterLogout_NoSso()
    {
        using var browser = new BrowserFlow(_server);
        var (user, password) = await BrowserFlow.NewUserAsync(_server);
        using var signIn = await browser.SignInAsync(BrowserFlow.AuthorizeUrl(), user, password);
        var cookie = BrowserFlow.SessionCookie(signIn);
        var idToken = (await browser.ExchangeAsync(signIn.Headers.Location!)).GetProperty("id_token").GetString()!;
        using var logout = await browser.Client.GetAsync(EndSessionUrl(("id_token_hint", idToken)));
        using var copy = _server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, BrowserFlow.AuthorizeUrl(extra: ("prompt", "none")));
        request.Headers.Add("Cookie", cookie);

        using var response = await copy.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        Assert.Contains("Signed out", await logout.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("login_required", BrowserFlow.Query(response.Headers.Location!)["error"]);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("http://127.0.0.1:8400/signed-out/")]
    [InlineData("http://127.0.0.1:8400/callback")]
    [InlineData("http://127.0.0.1:8401/signed-out")]
    public async Task EndSession_WhenUriNotRegisteredForClient_ShowsErrorNeverRedirectsAndKeepsSession(string uri)
    {
        using var browser = new BrowserFlow(_server);
        var idToken = await SignedInIdTokenAsync(browser);

        using var response = await browser.Client.GetAsync(EndSessionUrl(("id_token_hint", idToken), ("post_logout_redirect_uri", uri)));
        using var after = await browser.Client.GetAsync(BrowserFlow.AuthorizeUrl());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("post_logout_redirect_uri", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, after.StatusCode);
    }

    [Fact]
    public async Task EndSession_WhenHintExpired_StillLogsOutAndRedirects()
    {
        var time = new FixedTime(DateTimeOffset.UtcNow);
        using var host = _server.WithWebHostBuilder(b => b.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(time)));
        using var browser = new BrowserFlow(host);
        var (user, password) = await BrowserFlow.NewUserAsync(host);
        var idToken = (await browser.ExchangeAsync(await browser.SignInToPortalAsync(user, password))).GetProperty("id_token").GetString()!;
        time.Now += TimeSpan.FromHours(2);

        using var logout = await browser.Client.GetAsync(EndSessionUrl(("id_token_hint", idToken), ("post_logout_redirect_uri", BrowserFlow.PortalSignedOut)));

        Assert.True(BrowserFlow.Payload(idToken).GetProperty("exp").GetInt64() < time.Now.ToUnixTimeSeconds());
        Assert.Equal(HttpStatusCode.SeeOther, logout.StatusCode);
        Assert.Equal(BrowserFlow.PortalSignedOut, logout.Headers.Location!.ToString());
    }

    [Fact]
    public async Task EndSession_WhenUriWithoutAnyClient_ShowsError()
    {
        using var browser = new BrowserFlow(_server);

        using var response = await browser.Client.GetAsync(EndSessionUrl(("post_logout_redirect_uri", BrowserFlow.PortalSignedOut)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task EndSession_WhenClientIdDiffersFromHintAudience_ShowsError()
    {
        using var browser = new BrowserFlow(_server);
        var idToken = await SignedInIdTokenAsync(browser);

        using var response = await browser.Client.GetAsync(EndSessionUrl(
            ("id_token_hint", idToken), ("client_id", BrowserFlow.ThirdPartyId), ("post_logout_redirect_uri", "http://127.0.0.1:8401/signed-out")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("client_id", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndSession_WhenHintTampered_ShowsError()
    {
        using var browser = new BrowserFlow(_server);
        var idToken = await SignedInIdTokenAsync(browser);
        var parts = idToken.Split('.');
        var forged = parts[0] + "." + parts[1][..^2] + "AA." + parts[2];

        using var response = await browser.Client.GetAsync(EndSessionUrl(("id_token_hint", forged)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id_token_hint", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndSession_WhenAccessTokenGivenAsHint_ShowsError()
    {
        using var browser = new BrowserFlow(_server);
        var (user, password) = await BrowserFlow.NewUserAsync(_server);
        var token = await browser.ExchangeAsync(await browser.SignInToPortalAsync(user, password));

        using var response = await browser.Client.GetAsync(EndSessionUrl(("id_token_hint", token.GetProperty("access_token").GetString()!)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task EndSession_WhenGetWithoutHint_ShowsConfirmationAndKeepsSessionUntilConfirmed()
    {
        using var browser = new BrowserFlow(_server);
        await SignedInIdTokenAsync(browser);

        using var confirm = await browser.Client.GetAsync(EndSessionUrl(("client_id", BrowserFlow.PortalId), ("post_logout_redirect_uri", BrowserFlow.PortalSignedOut), ("state", "s-2")));
        var html = await confirm.Content.ReadAsStringAsync();
        using var stillSignedIn = await browser.Client.GetAsync(BrowserFlow.AuthorizeUrl());
        using var confirmed = await browser.Client.PostAsync("/oauth/end-session", BrowserFlow.Form(html));
        using var after = await browser.Client.GetAsync(BrowserFlow.AuthorizeUrl());

        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("Sign out?", html, StringComparison.Ordinal);
        Assert.Equal("DENY", confirm.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal(HttpStatusCode.SeeOther, stillSignedIn.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        Assert.Equal(BrowserFlow.PortalSignedOut + "?state=s-2", confirmed.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task EndSession_WhenConfirmationPostedWithoutAntiforgeryCookie_Refuses400()
    {
        using var browser = new BrowserFlow(_server);
        using var confirm = await browser.Client.GetAsync(EndSessionUrl());
        var html = await confirm.Content.ReadAsStringAsync();
        using var stranger = _server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await stranger.PostAsync("/oauth/end-session", BrowserFlow.Form(html));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task EndSession_WhenHintIsForAnotherUser_AsksForConfirmation()
    {
        using var browser = new BrowserFlow(_server);
        using var other = new BrowserFlow(_server);
        await SignedInIdTokenAsync(browser);
        var foreignHint = await SignedInIdTokenAsync(other);

        using var response = await browser.Client.GetAsync(EndSessionUrl(("id_token_hint", foreignHint)));
        using var after = await browser.Client.GetAsync(BrowserFlow.AuthorizeUrl());

        Assert.Contains("Sign out?", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, after.StatusCode);
    }

    [Fact]
    public async Task Discovery_WhenServed_NamesEndSessionEndpoint()
    {
        using var browser = new BrowserFlow(_server);

        using var document = JsonDocument.Parse(await browser.Client.GetStringAsync("/.well-known/openid-configuration"));

        Assert.Equal(BrowserFlow.Issuer + "/oauth/end-session", document.RootElement.GetProperty("end_session_endpoint").GetString());
    }

    private async Task<string> SignedInIdTokenAsync(BrowserFlow browser)
    {
        var (user, password) = await BrowserFlow.NewUserAsync(_server);
        var token = await browser.ExchangeAsync(await browser.SignInToPortalAsync(user, password));
        return token.GetProperty("id_token").GetString()!;
    }

    private static string EndSessionUrl(params (string Name, string Value)[] values)
    {
        var url = "/oauth/end-session";
        foreach (var (name, value) in values)
        {
            url = QueryHelpers.AddQueryString(url, name, value);
        }

        return url;
    }
}
