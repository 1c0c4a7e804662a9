using GovAuthZ.Tokens.Authorization;
using GovAuthZ.Tokens.Grants;
using GovAuthZ.Tokens.Issuance;
using GovAuthZ.Tokens.Sessions;
using GovAuthZ.Tokens.Storage;
using GovAuthZ.Tokens.Users;
using GovAuthZ.Tokens.Validation;
using Microsoft.AspNetCore.RateLimiting;

namespace GovAuthZ.Server.Tokens;

/// <summary>The authorization-code flow's services: users, codes, request validation, sign-in, sessions, consent, antiforgery.</summary>
internal static class AuthorizationRegistration
{
    public static void Add(IServiceCollection services, TokenServiceOptions settings)
    {
        services.AddSingleton<SqlUserStore>();
        services.AddSingleton<IUserStore>(static sp => sp.GetRequiredService<SqlUserStore>());
        services.AddSingleton<UserSignIn>();
        services.AddSingleton<SqlAuthorizationCodeStore>();
        services.AddSingleton<IAuthorizationCodeStore>(static sp => sp.GetRequiredService<SqlAuthorizationCodeStore>());
        services.AddSingleton(static sp => new AuthorizationCodeService(sp.GetRequiredService<IAuthorizationCodeStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<AuthorizationRequestValidator>();
        services.AddSingleton<SqlScopeConsentStore>();
        services.AddSingleton<IScopeConsentStore>(static sp => sp.GetRequiredService<SqlScopeConsentStore>());
        services.AddSingleton<SqlEndedSessionStore>();
        services.AddSingleton<IEndedSessionStore>(static sp => sp.GetRequiredService<SqlEndedSessionStore>());
        services.AddSingleton<SignInSessions>();
        services.AddSingleton<AuthorizeServices>();
        services.AddSingleton<IdTokenHintValidator>();
        services.AddSingleton<IdTokenIssuer>();
        services.AddAntiforgery(static o => o.SuppressXFrameOptionsHeader = true);
        services.Configure<RateLimiterOptions>(limiter => SignInRateLimiting.Configure(limiter, settings.SignInRateLimit));
    }

    public static IReadOnlyList<ITokenRequestHandler> CodeGrantHandlers(IServiceProvider sp) => AuthorizationCodeGrantHandlers.Create(
        sp.GetRequiredService<IAuthorizationCodeStore>(), sp.GetRequiredService<IUserStore>(), sp.GetRequiredService<IRevokedTokenStore>(),
        sp.GetRequiredService<AccessTokenIssuer>(), sp.GetRequiredService<IdTokenIssuer>(), sp.GetRequiredService<TimeProvider>(),
        sp.GetRequiredService<GovAuthZ.Tokens.Refresh.RefreshTokenService>());
}

/// <summary>A fixed-window limit on sign-in attempts per client address (password guessing). Refusals use the token endpoint's 429 answer.</summary>
internal static class SignInRateLimiting
{
    public const string PolicyName = "govauthz-signin";

    public static void Configure(RateLimiterOptions limiter, TokenRateLimitOptions options) =>
        TokenRateLimiting.AddPerAddressPolicy(limiter, PolicyName, options);
}
