using System.Text.Json;
using GovAuthZ.Tokens;
using GovAuthZ.Tokens.Discovery;
using GovAuthZ.Tokens.Grants;
using GovAuthZ.Tokens.Keys;

namespace GovAuthZ.Server.Tokens;

/// <summary>
/// Maps the token service: discovery (RFC 8414 and OpenID Connect Discovery), the JWKS, and the token,
/// introspection and revocation endpoints. Endpoint URLs are built from the issuer, never from the
/// request's Host header, so a forged Host cannot redirect clients.
/// </summary>
internal static class TokenEndpoints
{
    public const string OpenIdConfigurationPath = "/.well-known/openid-configuration";
    public const string AuthorizationServerPath = "/.well-known/oauth-authorization-server";
    public const string JwksPath = "/oauth/jwks";
    public const string TokenPath = "/oauth/token";
    public const string IntrospectionPath = "/oauth/introspect";
    public const string RevocationPath = "/oauth/revoke";
    public const string AuthorizePath = "/oauth/authorize";
    public const string UserInfoPath = "/oauth/userinfo";

    /// <summary>
    /// Verifiers may cache the JWKS this long. A new key is published KeyPublishLeadTime before it signs,
    /// so the cache must expire well within that lead time (checked at startup via the maintenance interval).
    /// </summary>
    private const string JwksCacheControl = "public, max-age=300";

    public static WebApplication MapTokenEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRateLimiter();
        var discovery = DiscoveryJson(app.Services.GetRequiredService<TokenOptions>(), app.Services.GetRequiredService<TokenRequestPipeline>());
        app.MapGet(OpenIdConfigurationPath, () => Results.Bytes(discovery, "application/json"));
        app.MapGet(AuthorizationServerPath, () => Results.Bytes(discovery, "application/json"));
        app.MapGet(JwksPath, static (HttpContext context, SigningKeyRing ring) =>
        {
            context.Response.Headers.CacheControl = JwksCacheControl;
            return Results.Json(ring.GetJwks(), contentType: "application/jwk-set+json");
        });
        app.MapPost(TokenPath, TokenEndpointHandlers.TokenAsync).RequireRateLimiting(TokenRateLimiting.PolicyName);
        app.MapPost(IntrospectionPath, TokenEndpointHandlers.IntrospectAsync);
        app.MapPost(RevocationPath, TokenEndpointHandlers.RevokeAsync);
        app.MapGet(AuthorizePath, AuthorizeEndpoint.GetAsync);
        app.MapPost(AuthorizePath, AuthorizeEndpoint.PostAsync).RequireRateLimiting(SignInRateLimiting.PolicyName).DisableAntiforgery();
        AuthorizeEndpoints.MapInteraction(app);
        app.MapMethods(UserInfoPath, [HttpMethods.Get, HttpMethods.Post], UserInfoEndpoint.HandleAsync);
        return app;
    }

    /// <summary>The metadata is fixed for the process's life: serialised once.</summary>
    internal static byte[] DiscoveryJson(TokenOptions options, TokenRequestPipeline pipeline)
    {
        var issuer = options.Issuer.TrimEnd('/');
        var document = DiscoveryDocumentBuilder.Build(
            options,
            new DiscoveryEndpoints
            {
                TokenEndpoint = issuer + TokenPath,
                JwksUri = issuer + JwksPath,
                IntrospectionEndpoint = issuer + IntrospectionPath,
                RevocationEndpoint = issuer + RevocationPath,
                AuthorizationEndpoint = issuer + AuthorizePath,
                EndSessionEndpoint = issuer + AuthorizeEndpoints.EndSessionPath,
                UserInfoEndpoint = issuer + UserInfoPath,
            },
            pipeline.SupportedGrantTypes);
        return JsonSerializer.SerializeToUtf8Bytes(document);
    }
}
