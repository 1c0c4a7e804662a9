using GovAuthZ.Server.Configuration;
using GovAuthZ.Tokens;
using GovAuthZ.Tokens.Clients;
using GovAuthZ.Tokens.Issuance;
using GovAuthZ.Tokens.Keys;
using GovAuthZ.Tokens.Protection;
using GovAuthZ.Tokens.Refresh;
using GovAuthZ.Tokens.Storage;
using GovAuthZ.Tokens.Validation;

namespace GovAuthZ.Server.Tokens;

/// <summary>
/// Registers the token service as singletons. Resolvable by other parts of the server:
/// <see cref="AccessTokenValidator"/> (audience = DefaultAudience), <see cref="IRevokedTokens"/>,
/// <see cref="SigningKeyRing"/>, <see cref="AccessTokenIssuer"/>, <see cref="TokenOptions"/>.
/// </summary>
internal static class TokenServiceRegistration
{
    public static WebApplicationBuilder AddTokenService(this WebApplicationBuilder builder, ServerOptions server)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(server);
        var settings = TokenServiceOptions.From(builder.Configuration);
        var options = settings.ToTokenOptions(server.Http.Url);
        var store = TokenStoreOptions.From(builder.Configuration);
        var dataDir = Path.GetFullPath(server.DataDir);
        var services = builder.Services;

        services.AddSingleton(settings);
        services.AddSingleton(options);
        services.AddSingleton(_ => TokenDatabase.Create(store.Provider, store.ConnectionString, dataDir));
        services.AddKeyProtection(
            builder.Configuration.GetSection(KeyProtectionOptions.SectionName).Get<KeyProtectionOptions>() ?? new KeyProtectionOptions(),
            TokenDatabase.ParseProvider(store.Provider),
            dataDir);
        AddStores(services, settings.ClientCacheTtl);
        services.AddSingleton<SigningKeyRing>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton(static sp => new AccessTokenValidator(
            sp.GetRequiredService<TokenOptions>(), sp.GetRequiredService<SigningKeyRing>(), sp.GetRequiredService<IRevokedTokens>(),
            sp.GetRequiredService<TokenOptions>().DefaultAudience));
        services.AddSingleton<ClientAuthenticator>();
        services.AddSingleton<RefreshTokenService>();
        services.AddSingleton(static sp => GovAuthZ.Tokens.Grants.TokenRequestPipeline.CreateDefault(
            sp.GetRequiredService<TokenOptions>(), sp.GetRequiredService<ClientAuthenticator>(), sp.GetRequiredService<AccessTokenIssuer>(),
            sp.GetRequiredService<RefreshTokenService>(), sp.GetRequiredService<TokenIntrospectionService>())
            .With(AuthorizationRegistration.CodeGrantHandlers(sp)));
        AuthorizationRegistration.Add(services, settings);
        services.AddSingleton<TokenIntrospectionService>();
        services.AddSingleton<GovAuthZ.Tokens.UserInfo.UserInfoService>();
        services.AddSingleton<TokenMaintenanceService>();
        services.AddHostedService(static sp => sp.GetRequiredService<TokenMaintenanceService>());
        services.AddHostedService<RevocationSyncService>();
        services.AddRateLimiter(limiter => TokenRateLimiting.Configure(limiter, settings.RateLimit));
        return builder;
    }

    /// <summary>The stores over the token database: keys, clients (cached), revocations, assertions, refresh tokens.</summary>
    private static void AddStores(IServiceCollection services, TimeSpan clientCacheTtl)
    {
        services.AddSingleton<ISigningKeyStore, SqlSigningKeyStore>();
        services.AddSingleton<SqlClientStore>();
        services.AddSingleton<IClientStore>(sp => CreateClientStore(sp.GetRequiredService<SqlClientStore>(), clientCacheTtl, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<PersistentRevokedTokens>();
        services.AddSingleton<IRevokedTokenStore>(static sp => sp.GetRequiredService<PersistentRevokedTokens>());
        services.AddSingleton<IRevokedTokens>(static sp => sp.GetRequiredService<PersistentRevokedTokens>());
        // In the database, not in memory: an assertion accepted by any replica is a replay at every other.
        services.AddSingleton<SqlClientAssertionReplayCache>();
        services.AddSingleton<IClientAssertionReplayCache>(static sp => sp.GetRequiredService<SqlClientAssertionReplayCache>());
        services.AddSingleton<SqlRefreshTokenStore>();
        services.AddSingleton<IRefreshTokenStore>(static sp => sp.GetRequiredService<SqlRefreshTokenStore>());
    }

    /// <summary>The store behind the token endpoint: cached unless the TTL is zero.</summary>
    internal static IClientStore CreateClientStore(SqlClientStore store, TimeSpan ttl, TimeProvider time)
    {
        if (ttl <= TimeSpan.Zero)
        {
            return store;
        }

        var cache = new CachingClientStore(store, ttl, time);
        store.ClientChanged += (_, clientId) => cache.Invalidate(clientId);
        return cache;
    }
}
