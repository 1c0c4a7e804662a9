using System.Net;
using GovAuthZ.Tokens.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GovAuthZ.Server.IntegrationTests.Tokens;

/// <summary>Single sign-on at /oauth/authorize: the session cookie, prompt and max_age (OIDC Core 3.1.2.1), on the real host.</summary>
public sealed class SignInSessionTests : IClassFixture<TokenServerFixture>
{
    private readonly TokenServerFactory _server;

    public SignInSessionTests(TokenServerFixture fixture) => _server = fixture.Server;

    [Fact]
    public async Task Authorize_WhenSessionExists_IssuesCodeWithoutPasswordAndSameSid()
    {
        using var browser = new BrowserFlow(_server);
        var (user, password) = await BrowserFlow.NewUserAsync(_server);
        var first = await browser.SignInToPortalAsync(user, password);
        var firstId = BrowserFlow.Payload((await browser.ExchangeAsync(first)).GetProperty("id_token").GetString()!);

        using var second = await browser.Client.GetAsync(BrowserFlow.AuthorizeUrl());

        Assert.Equal(HttpStatusCode.SeeOther, second.StatusCode);
        var query = BrowserFlow.Query(second.Headers.Location!);
        Assert.Equal("st-1", query["state"]);
        Assert.Equal(BrowserFlow.Issuer, query["iss"]);
        var secondId = BrowserFlow.Payload((await browser.ExchangeAsync(second.Headers.Location!)).GetProperty("id_token").GetString()!);
        Assert.Equal(user, secondId.GetProperty("sub").GetString());
        Assert.False(string.IsNullOrEmpty(firstId.GetProperty("sid").GetString()));
        Assert.Equal(firstId.GetProperty("sid").GetString(), secondId.GetProperty("sid").GetString());
        Assert.Equal(firstId.GetProperty("auth_time").GetInt64(), secondId.GetProperty("auth_time").GetInt64());
    }

    [Fact]
    public async Task SignIn_WhenIssuerIsHttp_SetsHttpOnlyLaxCookieScopedToOauth()
    {
        using var browser = new BrowserFlow(_server);
        var (user, password) = await BrowserFlow.NewUserAsync(_server);

        using var response = await browser.SignInAsync(BrowserFlow.AuthorizeUrl(), user, password);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("govauthz-session=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("path=/oauth", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("secure", cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WhenIssuerIsHttps_SetsSecureHostPrefixedCookie()
    {
        using var host = _server.WithWebHostBuilder(b => b.UseSetting("GovAuthZ:Tokens:Issuer", "https://auth.example.gov"));
        using var browser = new BrowserFlow(host);
        var (user, password) = await BrowserFlow.NewUserAsync(host);

        using var response = await browser.SignInAsync(BrowserFlow.AuthorizeUrl(), user, password);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-govauthz-session=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/;", cookie + ";", StringComparison.Ordinal);
        Assert.DoesNotContain("domain=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
    }

    [Fact]
    public void ToTokenOptions_WhenSessionLifetimeNotPositive_Throws()
    {
        var settings = new GovAuthZ.Server.Tokens.TokenServiceOptions { SessionLifetime = TimeSpan.Zero };

        var error = Assert.Throws<Core.Errors.GovAuthZException>(() => settings.ToTokenOptions("http://127.0.0.1:8080"));

        Assert.Contains("SessionLifetime", error.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromHours(8), new GovAuthZ.Server.Tokens.TokenServiceOptions().SessionLifetime);
    }

    [Fact]
    public async Task Authorize_WhenPromptLogin_ShowsFormDespiteSession()
    {
        using var browser = new BrowserFlow(_server);
        var (user, password) = await BrowserFlow.NewUserAsync(_server);
        await browser.SignInToPortalAsync(user, password);

        using var response = await browser.Client.GetAsync(BrowserFlow.AuthorizeUrl(extra: ("prompt", "login")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("name=\"password\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_WhenPromptLoginAndSignedInAgain_IssuesCodeWithNewSession()
    {
        using var browser = new BrowserFlow(_server);
        var (user, password) = await BrowserFlow.NewUserAsync(_server);
        var first = BrowserFlow.Payload((await browser.ExchangeAsync(await browser.SignInToPortalAsync(user, password))).GetProperty("id_token").GetString()!);

        using var again = await browser.SignInAsync(BrowserFlow.AuthorizeUrl(extra: ("prompt", "login")), user, password);

        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        var second = BrowserFlow.Payload((await browser.ExchangeAsync(again.Headers.Location!)).GetProperty("id_token").GetString()!);
        Assert.NotEqual(first.GetProperty("sid").GetString(), second.GetProperty("sid").GetString());
    }

    [Fact]
    public async Task Authorize_WhenMaxAgeZero_ShowsForm()
    {
        using var browser = new BrowserFlow(_server);
        var (user, password) = await BrowserFlow.NewUserAsync(_server);
        await browser.SignInToPortalAsync(user, password);

        using var response = await browser.Client.GetAsync(BrowserFlow.AuthorizeUrl(extra: ("max_age", "0")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("name=\"password\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_WhenMaxAgeExceededOnTheClock_ShowsFormButWithinItIssuesCode()
    {
        var time = new FixedTime(DateTimeOffset.UtcNow);
        using var host = WithClock(time);
        using var browser = new BrowserFlow(host);
        var (user, password) = await BrowserFlow.NewUserAsync(host);
        await browser.SignInToPortalAsync(user, password);
        time.Now += TimeSpan.FromMinutes(10);

        using var within = await browser.Client.GetAsync(BrowserFlow.AuthorizeUrl(extra: ("max_age", "900")));
        using var exceeded = await browser.Client.GetAsync(BrowserFlow.AuthorizeUrl(extra: ("max_age", "300")));

        Assert.Equal(HttpStatusCode.SeeOther, within.StatusCode);
        Assert.True(BrowserFlow.Query(within.Headers.Location!).ContainsKey("code"));
        Assert.Equal(HttpStatusCode.OK, exceeded.StatusCode);
        Assert.Contains("name=\"password\"", await exceeded.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_WhenSessionLifetimePassed_ShowsForm()
    {
        var time = new FixedTime(DateTimeOffset.UtcNow);
        using var host = WithClock(time);
        using var browser = new BrowserFlow(host);
        var (user, password) = await BrowserFlow.NewUserAsync(host);
        await browser.SignInToPortalAsync(user, password);
        time.Now += TimeSpan.FromHours(8);

        using var response = await browser.Client.GetAsync(BrowserFlow.AuthorizeUrl());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("name=\"password\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_WhenPromptNoneWithoutSession_RedirectsLoginRequired()
    {
        using var browser = new BrowserFlow(_server);

        using var response = await browser.Client.GetAsync(BrowserFlow.AuthorizeUrl(extra: ("prompt", "none")));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var query = BrowserFlow.Query(response.Headers.Location!);
        Assert.StartsWith(BrowserFlow.PortalRedirect + "?", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal("login_required", query["error"]);
        Assert.Equal("st-1", query["state"]);
        Assert.Equal(BrowserFlow.Issuer, query["iss"]);
        Assert.False(query.ContainsKey("code"));
    }

    [Fact]
    public async Task Authorize_WhenPromptNoneWithSession_IssuesCode()
    {
        using var browser = new BrowserFlow(_server);
        var (user, password) = await BrowserFlow.NewUserAsync(_server);
        await browser.SignInToPortalAsync(user, password);

        using var response = await browser.Client.GetAsync(BrowserFlow.AuthorizeUrl(extra: ("prompt", "none")));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var token = await browser.ExchangeAsync(response.Headers.Location!);
        Assert.Equal(user, BrowserFlow.Payload(token.GetProperty("id_token").GetString()!).GetProperty("sub").GetString());
    }

    [Theory]
    [InlineData("none login")]
    [InlineData("consent none")]
    [InlineData("select_account")]
    [InlineData("login login")]
    [InlineData("bogus")]
    public async Task Authorize_WhenPromptInvalidOrUnsupported_RedirectsInvalidRequest(string prompt)
    {
        using var browser = new BrowserFlow(_server);

        using var response = await browser.Client.GetAsync(BrowserFlow.AuthorizeUrl(extra: ("prompt", prompt)));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var query = BrowserFlow.Query(response.Headers.Location!);
        Assert.Equal("invalid_request", query["error"]);
        Assert.Contains("prompt", query["error_description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_WhenMaxAgeNotANumber_RedirectsInvalidRequest()
    {
        using var browser = new BrowserFlow(_server);

        using var response = await browser.Client.GetAsync(BrowserFlow.AuthorizeUrl(extra: ("max_age", "-1")));

        Assert.Equal("invalid_request", BrowserFlow.Query(response.Headers.Location!)["error"]);
    }

    [Fact]
    public async Task Authorize_WhenSessionCookieTampered_ShowsFormNotError()
    {
        using var browser = new BrowserFlow(_server);
        var (user, password) = await BrowserFlow.NewUserAsync(_server);
        using var signIn = await browser.SignInAsync(BrowserFlow.AuthorizeUrl(), user, password);
        var cookie = BrowserFlow.SessionCookie(signIn);
        var tampered = cookie[..^3] + (cookie[^3] == 'A' ? "BBB" : "AAA");
        using var stranger = _server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, BrowserFlow.AuthorizeUrl());
        request.Headers.Add("Cookie", tampered);

        using var response = await stranger.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("name=\"password\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_WhenCookieCopiedToAnotherClient_IssuesCode()
    {
        using var browser = new BrowserFlow(_server);
        var (user, password) = await BrowserFlow.NewUserAsync(_server);
        using var signIn = await browser.SignInAsync(BrowserFlow.AuthorizeUrl(), user, password);
        using var other = _server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, BrowserFlow.AuthorizeUrl());
        request.Headers.Add("Cookie", BrowserFlow.SessionCookie(signIn));

        using var response = await other.SendAsync(request);

        // The control for the tampered and logged-out cases: the cookie alone is the session.
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }

    [Fact]
    public async Task Authorize_WhenSessionUserDeleted_ShowsForm()
    {
        using var browser = new BrowserFlow(_server);
        var (user, password) = await BrowserFlow.NewUserAsync(_server);
        await browser.SignInToPortalAsync(user, password);
        Assert.True(await _server.Services.GetRequiredService<SqlUserStore>().DeleteAsync(user));

        using var response = await browser.Client.GetAsync(BrowserFlow.AuthorizeUrl(extra: ("prompt", "none")));

        Assert.Equal("login_required", BrowserFlow.Query(response.Headers.Location!)["error"]);
    }

    private WebApplicationFactory<Program> WithClock(FixedTime time) =>
        _server.WithWebHostBuilder(b => b.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(time)));
}
