using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GovAuthZ.Server.IntegrationTests.Tokens;

/// <summary>The consent page for third-party clients (OIDC Core 3.1.2.4) on the real host.</summary>
public sealed class ConsentTests : IClassFixture<TokenServerFixture>
{
    private readonly TokenServerFactory _server;

    public ConsentTests(TokenServerFixture fixture) => _server = fixture.Server;

    [Fact]
    public async Task SignIn_WhenThirdPartyClientFirstTime_ShowsConsentPageWithNameAndScopes()
    {
        using var browser = new BrowserFlow(_server);
        var (user, password) = await BrowserFlow.NewUserAsync(_server);

        using var response = await browser.SignInAsync(BrowserFlow.ThirdPartyUrl(), user, password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Third-party benefits app (development only)", html, StringComparison.Ordinal);
        Assert.Contains("<li>openid</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li>consent:read</li>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"allow\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"deny\"", html, StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Consent_WhenAllowed_IssuesCodeAndIsRememberedNextTime()
    {
        using var browser = new BrowserFlow(_server);
        var (user, password) = await BrowserFlow.NewUserAsync(_server);
        using var page = await browser.SignInAsync(BrowserFlow.ThirdPartyUrl(), user, password);

        using var allowed = await DecideAsync(browser, page, "allow");
        using var again = await browser.Client.GetAsync(BrowserFlow.ThirdPartyUrl());

        Assert.Equal(HttpStatusCode.SeeOther, allowed.StatusCode);
        var token = await browser.ExchangeAsync(allowed.Headers.Location!, BrowserFlow.ThirdPartyId, BrowserFlow.ThirdPartyRedirect);
        Assert.Equal("openid consent:read", token.GetProperty("scope").GetString());
        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        Assert.True(BrowserFlow.Query(again.Headers.Location!).ContainsKey("code"));
    }

    [Fact]
    public async Task Authorize_WhenNarrowerScopeThanGranted_IssuesCodeWithoutPage()
    {
        using var browser = new BrowserFlow(_server);
        var (user, password) = await BrowserFlow.NewUserAsync(_server);
        using var page = await browser.SignInAsync(BrowserFlow.ThirdPartyUrl(), user, password);
        using var allowed = await DecideAsync(browser, page, "allow");

        using var narrower = await browser.Client.GetAsync(BrowserFlow.ThirdPartyUrl("openid"));

        Assert.Equal(HttpStatusCode.SeeOther, narrower.StatusCode);
        Assert.True(BrowserFlow.Query(narrower.Headers.Location!).ContainsKey("code"));
    }

    [Fact]
    public async Task Authorize_WhenScopeNotYetGranted_ShowsPageAgainAndUnionIsKept()
    {
        using var browser = new BrowserFlow(_server);
        var (user, password) = await BrowserFlow.NewUserAsync(_server);
        using var page = await browser.SignInAsync(BrowserFlow.ThirdPartyUrl("openid"), user, password);
        using var allowed = await DecideAsync(browser, page, "allow");

        using var wider = await browser.Client.GetAsync(BrowserFlow.ThirdPartyUrl("openid consent:read"));
        Assert.Equal(HttpStatusCode.OK, wider.StatusCode);
        using var allowedWider = await DecideAsync(browser, wider, "allow");
        using var first = await browser.Client.GetAsync(BrowserFlow.ThirdPartyUrl("openid"));
        using var second = await browser.Client.GetAsync(BrowserFlow.ThirdPartyUrl("consent:read"));

        Assert.Contains("<li>consent:read</li>", await wider.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, allowedWider.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, second.StatusCode);
    }

    [Fact]
    public async Task Consent_WhenDenied_RedirectsAccessDeniedWithStateAndIss()
    {
        using var browser = new BrowserFlow(_server);
        var (user, password) = await BrowserFlow.NewUserAsync(_server);
        using var page = await browser.SignInAsync(BrowserFlow.ThirdPartyUrl(), user, password);

        using var denied = await DecideAsync(browser, page, "deny");
        using var again = await browser.Client.GetAsync(BrowserFlow.ThirdPartyUrl());

        Assert.Equal(HttpStatusCode.SeeOther, denied.StatusCode);
        Assert.StartsWith(BrowserFlow.ThirdPartyRedirect + "?", denied.Headers.Location!.ToString(), StringComparison.Ordinal);
        var query = BrowserFlow.Query(denied.Headers.Location!);
        Assert.Equal("access_denied", query["error"]);
        Assert.Equal("st-1", query["state"]);
        Assert.Equal(BrowserFlow.Issuer, query["iss"]);
        Assert.False(query.ContainsKey("code"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("value=\"allow\"", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_WhenPromptConsentAfterGrant_ShowsPageAgain()
    {
        using var browser = new BrowserFlow(_server);
        var (user, password) = await BrowserFlow.NewUserAsync(_server);
        using var page = await browser.SignInAsync(BrowserFlow.ThirdPartyUrl(), user, password);
        using var allowed = await DecideAsync(browser, page, "allow");

        using var response = await browser.Client.GetAsync(BrowserFlow.ThirdPartyUrl(extra: ("prompt", "consent")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("value=\"allow\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_WhenPromptNoneAndConsentMissing_RedirectsConsentRequired()
    {
        using var browser = new BrowserFlow(_server);
        var (user, password) = await BrowserFlow.NewUserAsync(_server);
        await browser.SignInToPortalAsync(user, password);

        using var response = await browser.Client.GetAsync(BrowserFlow.ThirdPartyUrl(extra: ("prompt", "none")));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var query = BrowserFlow.Query(response.Headers.Location!);
        Assert.Equal("consent_required", query["error"]);
        Assert.Equal("st-1", query["state"]);
    }

    [Fact]
    public async Task Authorize_WhenSessionFromFirstPartyAndThirdPartyAsks_ShowsConsentWithoutPassword()
    {
        using var browser = new BrowserFlow(_server);
        var (user, password) = await BrowserFlow.NewUserAsync(_server);
        await browser.SignInToPortalAsync(user, password);

        using var response = await browser.Client.GetAsync(BrowserFlow.ThirdPartyUrl());

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("value=\"allow\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"password\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consent_WhenPostedWithoutAntiforgeryCookie_Refuses400()
    {
        using var browser = new BrowserFlow(_server);
        var (user, password) = await BrowserFlow.NewUserAsync(_server);
        using var signIn = await browser.SignInAsync(BrowserFlow.ThirdPartyUrl(), user, password);
        var html = await signIn.Content.ReadAsStringAsync();
        using var stranger = _server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/oauth/consent") { Content = BrowserFlow.Form(html, ("decision", "allow")) };
        request.Headers.Add("Cookie", BrowserFlow.SessionCookie(signIn));

        using var response = await stranger.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Consent_WhenAnotherSessionPostsTheForm_Refuses400()
    {
        using var browser = new BrowserFlow(_server);
        var (user, password) = await BrowserFlow.NewUserAsync(_server);
        using var page = await browser.SignInAsync(BrowserFlow.ThirdPartyUrl(), user, password);
        var html = await page.Content.ReadAsStringAsync();
        using var again = await browser.SignInAsync(BrowserFlow.AuthorizeUrl(extra: ("prompt", "login")), user, password);
        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);

        using var response = await browser.Client.PostAsync("/oauth/consent", BrowserFlow.Form(html, ("decision", "allow")));

        // The form was bound to the session it was shown in; signing in again replaced that session.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> DecideAsync(BrowserFlow browser, HttpResponseMessage page, string decision)
    {
        var html = await page.Content.ReadAsStringAsync();
        return await browser.Client.PostAsync("/oauth/consent", BrowserFlow.Form(html, ("decision", decision)));
    }
}
