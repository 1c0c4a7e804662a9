using System.Net;
using System.Text.Json;
using GovAuthZ.Server.Tokens;
using GovAuthZ.Tokens.Keys;
using GovAuthZ.Tokens.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace GovAuthZ.Server.IntegrationTests.Tokens;

public sealed class TokenHostingTests
{
    [Fact]
    public async Task Restart_WhenSameDataDir_KeepsSigningKeyAndRevocations()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "govauthz-restart-" + Guid.NewGuid().ToString("N"));
        try
        {
            string kid;
            string token;
            using (var first = new TokenServerFactory(dataDir))
            {
                using var client = first.CreateClient();
                kid = await SingleKidAsync(client);
                token = await TokenEndpointTests.AccessTokenAsync(client, "pep-demo", TokenServerFactory.PepDemoSecret, "decision:check");
                await first.Services.GetRequiredService<IRevokedTokenStore>().RevokeAsync(
                    (await first.Services.GetRequiredService<AccessTokenValidator>().ValidateAsync(token)).Token!.TokenId, DateTimeOffset.UtcNow.AddHours(1), default);
            }

            using var second = new TokenServerFactory(dataDir);
            using var again = second.CreateClient();

            Assert.Equal(kid, await SingleKidAsync(again));
            Assert.Equal(Core.Errors.ErrorCode.AccessTokenRevoked, (await second.Services.GetRequiredService<AccessTokenValidator>().ValidateAsync(token)).Code);
            Assert.True(File.Exists(Path.Combine(dataDir, "govauthz.db")));
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(dataDir, "keys")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task Token_WhenRateLimitExceeded_Answers429WithOAuthError()
    {
        using var server = new TokenServerFactory(permitLimit: 2);
        try
        {
            using var client = server.CreateClient();
            var auth = TokenServerFactory.Basic("pep-demo", TokenServerFactory.PepDemoSecret);
            using var first = await TokenEndpointTests.RequestTokenAsync(client, auth, ("grant_type", "client_credentials"));
            using var second = await TokenEndpointTests.RequestTokenAsync(client, auth, ("grant_type", "client_credentials"));
            using var third = await TokenEndpointTests.RequestTokenAsync(client, auth, ("grant_type", "client_credentials"));

            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.Equal((HttpStatusCode)429, third.StatusCode);
            Assert.NotNull(third.Headers.RetryAfter);
            using var body = JsonDocument.Parse(await third.Content.ReadAsStringAsync());
            Assert.Equal("temporarily_unavailable", body.RootElement.GetProperty("error").GetString());

            // Discovery is not limited: verifiers must always be able to fetch keys.
            using var jwks = await client.GetAsync(new Uri("/oauth/jwks", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, jwks.StatusCode);
        }
        finally
        {
            server.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(server.DataDir, recursive: true);
        }
    }

    [Fact]
    public void Services_WhenHosted_ResolveTheTypesTheDecisionApiUses()
    {
        using var server = new TokenServerFactory();
        try
        {
            var services = server.Services;
            Assert.Same(services.GetRequiredService<IRevokedTokens>(), services.GetRequiredService<IRevokedTokenStore>());
            Assert.Same(services.GetRequiredService<AccessTokenValidator>(), services.GetRequiredService<AccessTokenValidator>());
            Assert.Single(services.GetRequiredService<SigningKeyRing>().GetKeys());
        }
        finally
        {
            server.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(server.DataDir, recursive: true);
        }
    }

    [Fact]
    public void ToTokenOptions_WhenMaintenanceNotShorterThanLeadTime_Throws()
    {
        var settings = new TokenServiceOptions { KeyPublishLeadTime = TimeSpan.FromMinutes(5), MaintenanceInterval = TimeSpan.FromMinutes(5) };

        var error = Assert.Throws<Core.Errors.GovAuthZException>(() => settings.ToTokenOptions("http://127.0.0.1:8080"));

        Assert.Equal(Core.Errors.ErrorCode.TokenOptionsInvalid, error.Code);
    }

    [Fact]
    public void ToTokenOptions_WhenIssuerUnset_UsesHttpUrl()
    {
        var options = new TokenServiceOptions().ToTokenOptions("http://127.0.0.1:9090/");

        Assert.Equal("http://127.0.0.1:9090", options.Issuer);
    }

    private static async Task<string> SingleKidAsync(HttpClient client)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/oauth/jwks", UriKind.Relative)));
        return Assert.Single(document.RootElement.GetProperty("keys").EnumerateArray()).GetProperty("kid").GetString()!;
    }
}
