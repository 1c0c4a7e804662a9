using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GovAuthZ.Tokens.Grants;
using GovAuthZ.Tokens.Storage;
using GovAuthZ.Tokens.Users;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace GovAuthZ.Server.IntegrationTests.Tokens;

/// <summary>A browser (cookies kept, redirects not followed) driving the authorization, consent and logout pages of a test server.</summary>
internal sealed partial class BrowserFlow : IDisposable
{
    public const string PortalId = "portal-demo";
    public const string PortalRedirect = "http://127.0.0.1:8400/callback";
    public const string PortalSignedOut = "http://127.0.0.1:8400/signed-out";
    public const string ThirdPartyId = "third-party-demo";
    public const string ThirdPartyRedirect = "http://127.0.0.1:8401/callback";
    public const string Verifier = "integration-verifier-0123456789-abcdefghijklmnopqrstuvwxyz";
    public const string Issuer = "http://127.0.0.1:8080";

    public BrowserFlow(WebApplicationFactory<Program> server)
    {
        Client = server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public HttpClient Client { get; }

    public static string AuthorizeUrl(string clientId = PortalId, string redirectUri = PortalRedirect, string scope = "openid decision:check", params (string Name, string Value)[] extra)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["response_type"] = "code",
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["scope"] = scope,
            ["state"] = "st-1",
            ["nonce"] = "n-1",
            ["code_challenge"] = Pkce.CreateChallenge(Verifier),
            ["code_challenge_method"] = "S256",
        };
        foreach (var (name, value) in extra)
        {
            values[name] = value;
        }

        return QueryHelpers.AddQueryString("/oauth/authorize", values);
    }

    public static string ThirdPartyUrl(string scope = "openid consent:read", params (string Name, string Value)[] extra) =>
        AuthorizeUrl(ThirdPartyId, ThirdPartyRedirect, scope, extra);

    /// <summary>Registers a user of its own for one test, so tests sharing a server never share sessions or consents.</summary>
    public static async Task<(string UserId, string Password)> NewUserAsync(WebApplicationFactory<Program> server)
    {
        var id = "citizen:t" + Guid.NewGuid().ToString("N")[..12];
        var password = "pw-" + Guid.NewGuid().ToString("N");
        await server.Services.GetRequiredService<SqlUserStore>().SaveAsync(new UserAccount { UserId = id, PasswordHash = UserPasswords.Hash(password) });
        return (id, password);
    }

    /// <summary>GET the URL and post the sign-in form it shows; returns the response to the post.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string url, string userId, string password)
    {
        using var page = await Client.GetAsync(url);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("name=\"password\"", html, StringComparison.Ordinal);
        return await Client.PostAsync("/oauth/authorize", Form(html, ("user_id", userId), ("password", password)));
    }

    /// <summary>Signs in to the first-party portal and returns the redirect, establishing the session.</summary>
    public async Task<Uri> SignInToPortalAsync(string userId, string password)
    {
        using var response = await SignInAsync(AuthorizeUrl(), userId, password);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return response.Headers.Location!;
    }

    public static FormUrlEncodedContent Form(string html, params (string Name, string Value)[] extra)
    {
        var fields = HiddenFields(html);
        foreach (var (name, value) in extra)
        {
            fields.Add(new(name, value));
        }

        return new FormUrlEncodedContent(fields);
    }

    public static List<KeyValuePair<string, string>> HiddenFields(string html)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match match in HiddenField().Matches(html))
        {
            fields.Add(new(WebUtility.HtmlDecode(match.Groups[1].Value), WebUtility.HtmlDecode(match.Groups[2].Value)));
        }

        Assert.Equal(2, fields.Count);
        return fields;
    }

    public static Dictionary<string, string> Query(Uri location)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in QueryHelpers.ParseQuery(location.Query))
        {
            result[name] = value.ToString();
        }

        return result;
    }

    /// <summary>Redeems a code at the token endpoint and returns the response's JSON.</summary>
    public async Task<JsonElement> ExchangeAsync(Uri location, string clientId = PortalId, string redirectUri = PortalRedirect)
    {
        using var response = await Client.PostAsync("/oauth/token", TokenServerFactory.Form(
            ("grant_type", "authorization_code"), ("code", Query(location)["code"]), ("redirect_uri", redirectUri), ("client_id", clientId), ("code_verifier", Verifier)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.Clone();
    }

    /// <summary>The payload of a JWT, decoded without checking (the tests check what the server wrote).</summary>
    public static JsonElement Payload(string jwt)
    {
        var part = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + ((4 - (part.Length % 4)) % 4), '=');
        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(part)));
        return document.RootElement.Clone();
    }

    /// <summary>The session cookie a response set, as name=value, for replaying it from another client.</summary>
    public static string SessionCookie(HttpResponseMessage response)
    {
        foreach (var header in response.Headers.GetValues("Set-Cookie"))
        {
            if (header.StartsWith("govauthz-session=", StringComparison.Ordinal))
            {
                return header[..header.IndexOf(';', StringComparison.Ordinal)];
            }
        }

        throw new InvalidOperationException("no session cookie was set");
    }

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenField();
}
