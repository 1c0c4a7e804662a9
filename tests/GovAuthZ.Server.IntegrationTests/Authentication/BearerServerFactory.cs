using GovAuthZ.Server.Authentication;
using GovAuthZ.Server.IntegrationTests.Decisions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GovAuthZ.Server.IntegrationTests.Authentication;

/// <summary>
/// The server in-process in bearer mode, trusting the tokens of a <see cref="TokenServiceFixture"/> and
/// running on its clock, so tests can issue, revoke and expire tokens.
/// </summary>
internal sealed class BearerServerFactory(TokenServiceFixture tokens) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("GovAuthZ:PolicyDir", ShippedPolicies.Directory);
        builder.UseSetting("GovAuthZ:Auth:Mode", "Bearer");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IAccessTokenVerifier>();
            services.AddSingleton<IAccessTokenVerifier>(tokens.Verifier);
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(tokens.Clock);
        });
    }
}
