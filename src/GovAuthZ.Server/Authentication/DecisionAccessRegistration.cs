using GovAuthZ.Core.Errors;
using GovAuthZ.Server.Configuration;
using GovAuthZ.Tokens.Clients;
using GovAuthZ.Tokens.Validation;

namespace GovAuthZ.Server.Authentication;

/// <summary>Registers caller authentication for the decision API.</summary>
internal static class DecisionAccessRegistration
{
    /// <summary>
    /// The token verifier is built over the token service's validator when one is registered; without it,
    /// bearer mode refuses every token (fails closed) rather than admitting calls it cannot check.
    /// </summary>
    public static IServiceCollection AddDecisionAccess(this IServiceCollection services, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton<IAccessTokenVerifier>(static provider =>
            provider.GetService<AccessTokenValidator>() is { } validator
                ? new TokenServiceVerifier(validator, provider.GetRequiredService<IRevokedTokens>())
                : NoTokenService.Instance);
        services.AddSingleton(provider => new VerifiedTokenCache(options.TokenCacheEntries, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider => new CallerAuthenticator(
            options.Mode,
            provider.GetRequiredService<IAccessTokenVerifier>(),
            provider.GetRequiredService<VerifiedTokenCache>()));
        services.AddSingleton(static provider => new DecisionAccess(
            provider.GetRequiredService<CallerAuthenticator>(),
            provider.GetService<IClientStore>()));
        return services;
    }

    /// <summary>Refuses every token: used only when the host runs without a token service.</summary>
    private sealed class NoTokenService : IAccessTokenVerifier
    {
        public static readonly NoTokenService Instance = new();

        public ValueTask<AccessTokenCheck> VerifyAsync(string token, CancellationToken cancellationToken) =>
            ValueTask.FromResult(AccessTokenCheck.Invalid(ErrorCodes.Format(ErrorCode.DecisionUnauthenticated), "this server runs without a token service"));

        public ValueTask<bool> IsRevokedAsync(string tokenId, CancellationToken cancellationToken) => ValueTask.FromResult(true);
    }
}
