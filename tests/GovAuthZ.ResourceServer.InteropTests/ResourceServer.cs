using System.Net;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GovAuthZ.ResourceServer.InteropTests;

/// <summary>
/// A minimal API protected by the stock JwtBearer handler, configured the way a team consuming our tokens
/// would: Authority = our issuer (discovery and JWKS fetched from it), plain HTTP allowed for loopback
/// only, audience checked, and RFC 9068 section 4: only tokens typed "at+jwt" accepted. GET /me answers
/// the token's sub, client_id and scope.
/// </summary>
internal sealed class ResourceServer : IAsyncDisposable
{
    public const string ProtectedPath = "/me";

    private readonly WebApplication _app;

    private ResourceServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <param name="clock">The clock lifetime checks use; null for the handler's own check on the system clock.</param>
    public static async Task<ResourceServer> StartAsync(Uri authority, string audience, TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddAuthorization();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.Authority = authority.ToString().TrimEnd('/');
            options.RequireHttpsMetadata = authority.Host != "127.0.0.1";
            options.Audience = audience;
            options.MapInboundClaims = false;
            options.TokenValidationParameters.ValidAudience = audience;
            options.TokenValidationParameters.ValidTypes = ["at+jwt"];
            if (clock is not null)
            {
                // The handler's lifetime check reads the system clock (its TimeProvider option does not reach
                // it in 8.0), so the clock is substituted through the documented hook. The exp and nbf it
                // receives are the ones the library parsed from our token.
                options.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, parameters) =>
                {
                    var now = clock.GetUtcNow().UtcDateTime;
                    return expires is { } notAfter && now < notAfter + parameters.ClockSkew
                        && (notBefore is not { } from || from <= now + parameters.ClockSkew);
                };
            }
        });
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet(ProtectedPath, static (HttpContext context) => Results.Json(new Dictionary<string, string?>
        {
            ["sub"] = context.User.FindFirst("sub")?.Value,
            ["client_id"] = context.User.FindFirst("client_id")?.Value,
            ["scope"] = context.User.FindFirst("scope")?.Value,
        })).RequireAuthorization();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new ResourceServer(app, new Uri(address));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
