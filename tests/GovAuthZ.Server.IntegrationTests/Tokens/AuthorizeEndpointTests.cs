using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using GovAuthZ.Tokens.Grants;
using GovAuthZ.Tokens.Validation;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace GovAuthZ.Server.IntegrationTests.Tokens;

/// <summary>The browser flow on the real host: GET authorize, POST the sign-in form, follow the redirect, exchange the code.</summary>
public sealed partial class AuthorizeEndpointTests : IClassFixture<TokenServerFixture>
{
    private const string ClientId = "portal-demo";
    private const string Redirect = "http://127.0.0.1:8400/callback";
    private const string Verifier = "integration-verifier-0123456789-abcdefghijklmnopqrstuvwxyz";

    private readonly TokenServerFactory _server;

    public AuthorizeEndpointTests(TokenServerFixture fixture) => _server = fixture.Server;

    [Fact]
    public async Task Authorize_WhenOfficialSignsIn_CodeExchangesForOfficialTokens()
    {
        using var browser = Browser();

        var location = await SignInAsync(browser, "official:wang", "dev-only-wang-password-01", AuthorizeUrl());
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.StartsWith(Redirect + "?", location.ToString(), StringComparison.Ordinal);
        Assert.Equal("xyz-state", query["state"].ToString());
        Assert.Equal("http://127.0.0.1:8080", query["iss"].ToString());

        using var token = await ExchangeAsync(browser, query["code"].ToString());
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        using var body = JsonDocument.Parse(await token.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.TryGetProperty("id_token", out _));
        var validator = _server.Services.GetRequiredService<AccessTokenValidator>();
        var validated = await validator.ValidateAsync(body.RootElement.GetProperty("access_token").GetString()!);
        Assert.True(validated.IsValid);
        Assert.Equal("official:wang", validated.Token!.Subject);
        Assert.Equal("civil_affairs_nj", validated.Token.Official!.Department);
    }

    [Fact]
    public async Task Token_WhenCodeReplayed_Refuses400AndRevokesTheFirstToken()
    {
        using var browser = Browser();
        var location = await SignInAsync(browser, "citizen:zhang", "dev-only-zhang-password-03", AuthorizeUrl());
        var code = QueryHelpers.ParseQuery(location.Query)["code"].ToString();
        using var first = await ExchangeAsync(browser, code);
        using var firstBody = JsonDocument.Parse(await first.Content.ReadAsStringAsync());

        using var replay = await ExchangeAsync(browser, code);

        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Contains("invalid_grant", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var validator = _server.Services.GetRequiredService<AccessTokenValidator>();
        Assert.False((await validator.ValidateAsync(firstBody.RootElement.GetProperty("access_token").GetString()!)).IsValid);
    }

    [Fact]
    public async Task Authorize_WhenGet_RendersFormThatCannotBeFramed()
    {
        using var browser = Browser();

        using var response = await browser.GetAsync(AuthorizeUrl());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Contains("name=\"password\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8400/callback/")]
    [InlineData("http://127.0.0.1:8401/callback")]
    [InlineData("https://evil.example/callback")]
    [InlineData("http://127.0.0.1:8400@evil.example/callback")]
    [InlineData("HTTP://127.0.0.1:8400/callback")]
    [InlineData("http://127.0.0.1:8400/callback/..;/x")]
    [InlineData("javascript:alert(1)")]
    public async Task Authorize_WhenRedirectUriNotRegistered_ShowsErrorAndNeverRedirects(string redirectUri)
    {
        using var browser = Browser();

        using var response = await browser.GetAsync(AuthorizeUrl(("redirect_uri", redirectUri)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("redirect_uri", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_WhenClientUnknown_ShowsErrorAndNeverRedirects()
    {
        using var browser = Browser();

        using var response = await browser.GetAsync(AuthorizeUrl(("client_id", "no-such-client")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData("code_challenge_method", "plain")]
    [InlineData("code_challenge", "")]
    public async Task Authorize_WhenPkceMissingOrPlain_RedirectsInvalidRequestWithState(string name, string value)
    {
        using var browser = Browser();

        using var response = await browser.GetAsync(AuthorizeUrl((name, value)));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.StartsWith(Redirect + "?", response.Headers.Location.ToString(), StringComparison.Ordinal);
        Assert.Equal("invalid_request", query["error"].ToString());
        Assert.Equal("xyz-state", query["state"].ToString());
        Assert.Equal("http://127.0.0.1:8080", query["iss"].ToString());
        Assert.False(query.ContainsKey("code"));
    }

    [Fact]
    public async Task Authorize_WhenPasswordWrong_ShowsFormAgainWithoutCode()
    {
        using var browser = Browser();
        using var form = await browser.GetAsync(AuthorizeUrl());
        var html = await form.Content.ReadAsStringAsync();

        using var response = await browser.PostAsync("/oauth/authorize", SignInForm(html, "official:wang", "wrong-password"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("incorrect", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_WhenPostedWithoutAntiforgeryCookie_Refuses400()
    {
        using var browser = Browser();
        using var form = await browser.GetAsync(AuthorizeUrl());
        var html = await form.Content.ReadAsStringAsync();
        using var stranger = _server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await stranger.PostAsync("/oauth/authorize", SignInForm(html, "official:wang", "dev-only-wang-password-01"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Token_WhenRedirectUriDiffers_Refuses400InvalidGrant()
    {
        using var browser = Browser();
        var location = await SignInAsync(browser, "official:wang", "dev-only-wang-password-01", AuthorizeUrl());

        using var response = await ExchangeAsync(browser, QueryHelpers.ParseQuery(location.Query)["code"].ToString(), Redirect + "/");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid_grant", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private HttpClient Browser() => _server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static string AuthorizeUrl(params (string Name, string Value)[] overrides)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["response_type"] = "code",
            ["client_id"] = ClientId,
            ["redirect_uri"] = Redirect,
            ["scope"] = "openid decision:check",
            ["state"] = "xyz-state",
            ["nonce"] = "nonce-1",
            ["code_challenge"] = Pkce.CreateChallenge(Verifier),
            ["code_challenge_method"] = "S256",
        };
        foreach (var (name, value) in overrides)
        {
            values[name] = value;
        }

        return QueryHelpers.AddQueryString("/oauth/authorize", values);
    }

    private static async Task<Uri> SignInAsync(HttpClient browser, string userId, string password, string url)
    {
        using var form = await browser.GetAsync(url);
        var html = await form.Content.ReadAsStringAsync();
        using var response = await browser.PostAsync("/oauth/authorize", SignInForm(html, userId, password));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return response.Headers.Location!;
    }

    private static FormUrlEncodedContent SignInForm(string html, string userId, string password)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match match in HiddenField().Matches(html))
        {
            fields.Add(new(WebUtility.HtmlDecode(match.Groups[1].Value), WebUtility.HtmlDecode(match.Groups[2].Value)));
        }

        Assert.Equal(2, fields.Count);
        fields.Add(new("user_id", userId));
        fields.Add(new("password", password));
        return new FormUrlEncodedContent(fields);
    }

    private static Task<HttpResponseMessage> ExchangeAsync(HttpClient client, string code, string redirectUri = Redirect) =>
        client.PostAsync("/oauth/token", TokenServerFactory.Form(
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirectUri), ("client_id", ClientId), ("code_verifier", Verifier)));

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenField();
}

/// <summary>Sign-in attempts are limited per address, on a host of its own so the limit is not shared.</summary>
public sealed class AuthorizeRateLimitTests : IClassFixture<TokenServerFixture>
{
    private readonly TokenServerFactory _server;

    public AuthorizeRateLimitTests(TokenServerFixture fixture) => _server = fixture.Server;

    [Fact]
    public async Task Authorize_WhenSignInLimitReached_Refuses429()
    {
        using var limited = _server.WithWebHostBuilder(b => b.UseSetting("GovAuthZ:Tokens:SignInRateLimit:PermitLimit", "2"));
        using var browser = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 3; i++)
        {
            using var content = new FormUrlEncodedContent([new("user_id", "official:wang"), new("password", "guess-" + i)]);
            using var response = await browser.PostAsync("/oauth/authorize", content);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
    }
}
