using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using GovAuthZ.Server.IntegrationTests.Decisions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GovAuthZ.Server.IntegrationTests.Tokens;

/// <summary>
/// The server in-process on a data folder of its own (SQLite store and Data Protection keys), so tests
/// neither share keys nor leave files behind. Two factories on the same folder model a restart.
/// </summary>
public sealed class TokenServerFactory : WebApplicationFactory<Program>
{
    public const string PepDemoSecret = "dev-only-pep-demo-secret-do-not-deploy-0001";
    public const string AdminSecret = "dev-only-admin-console-secret-do-not-deploy-02";
    public const string TaxSecret = "dev-only-tax-app-secret-do-not-deploy-000003";

    private readonly int _permitLimit;

    public TokenServerFactory(string? dataDir = null, int permitLimit = 1000)
    {
        DataDir = dataDir ?? Path.Combine(Path.GetTempPath(), "govauthz-tokens-" + Guid.NewGuid().ToString("N"));
        _permitLimit = permitLimit;
    }

    public string DataDir { get; }

    public static AuthenticationHeaderValue Basic(string clientId, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.EscapeDataString(clientId) + ":" + Uri.EscapeDataString(secret))));

    public static FormUrlEncodedContent Form(params (string Name, string Value)[] pairs) =>
        new(pairs.Select(p => new KeyValuePair<string, string>(p.Name, p.Value)));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("GovAuthZ:PolicyDir", ShippedPolicies.Directory);
        builder.UseSetting("GovAuthZ:DataDir", DataDir);
        builder.UseSetting("GovAuthZ:Tokens:RateLimit:PermitLimit", _permitLimit.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("GovAuthZ:Tokens:RateLimit:Window", "01:00:00");

        // Test classes sign in many times from one address; the sign-in limit has a test of its own.
        builder.UseSetting("GovAuthZ:Tokens:SignInRateLimit:PermitLimit", _permitLimit.ToString(CultureInfo.InvariantCulture));
    }
}
