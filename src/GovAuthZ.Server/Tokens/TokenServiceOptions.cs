using GovAuthZ.Tokens;
using GovAuthZ.Tokens.Keys;

namespace GovAuthZ.Server.Tokens;

/// <summary>
/// The <c>GovAuthZ:Tokens</c> section. Lifetimes and key settings feed <see cref="TokenOptions"/>; the
/// rest is hosting: maintenance period, rate limit, development clients. Absent keys keep these defaults.
/// </summary>
internal sealed class TokenServiceOptions
{
    public const string SectionName = "GovAuthZ:Tokens";

    /// <summary>The issuer identifier; empty means the HTTP listener URL (GovAuthZ:Http:Url).</summary>
    public string? Issuer { get; set; }

    public string DefaultAudience { get; set; } = "govauthz";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan IdTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Sliding lifetime of each refresh token (renewed by every rotation).</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Absolute lifetime of a refresh token family, from the grant that started it.</summary>
    public TimeSpan RefreshTokenFamilyLifetime { get; set; } = TimeSpan.FromHours(8);

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    public string SigningAlgorithm { get; set; } = SigningAlgorithms.ES256;

    public int RsaKeySize { get; set; } = 2048;

    public TimeSpan KeyPublishLeadTime { get; set; } = TimeSpan.FromDays(1);

    public TimeSpan KeyRotationInterval { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Replaces the default scope list when set.</summary>
    public string[]? SupportedScopes { get; set; }

    /// <summary>
    /// How often each replica reloads the key set and revocations, rotates when due and prunes. Must be
    /// shorter than <see cref="KeyPublishLeadTime"/> so every replica publishes a new key before it signs.
    /// </summary>
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often each replica reads revocations other replicas wrote; a token revoked elsewhere is refused
    /// here within this. One small query per period; at most <see cref="MaintenanceInterval"/>.
    /// </summary>
    public TimeSpan RevocationSyncInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a client registration read from the store is reused by this replica; zero reads it on every
    /// request. A change made through this replica applies at once; one made by another replica within this.
    /// </summary>
    public TimeSpan ClientCacheTtl { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Register the documented development clients when the store has none and every listener is loopback.</summary>
    public bool SeedDevelopmentClients { get; set; } = true;

    /// <summary>
    /// Absolute lifetime of the single sign-on session cookie, from sign-in; a later authorization request
    /// within it issues a code without the password form (unless prompt=login or max_age asks otherwise).
    /// </summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    public TokenRateLimitOptions RateLimit { get; set; } = new();

    /// <summary>Sign-in attempts (POST /oauth/authorize) per client address and window.</summary>
    public TokenRateLimitOptions SignInRateLimit { get; set; } = new() { PermitLimit = 10 };

    public static TokenServiceOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(SectionName).Get<TokenServiceOptions>() ?? new TokenServiceOptions();
    }

    /// <summary>The core options, validated (GAZ3001 names the first bad setting).</summary>
    public TokenOptions ToTokenOptions(string httpUrl)
    {
        var options = new TokenOptions
        {
            Issuer = string.IsNullOrWhiteSpace(Issuer) ? httpUrl.TrimEnd('/') : Issuer,
            DefaultAudience = DefaultAudience,
            AccessTokenLifetime = AccessTokenLifetime,
            IdTokenLifetime = IdTokenLifetime,
            RefreshTokenLifetime = RefreshTokenLifetime,
            RefreshTokenFamilyLifetime = RefreshTokenFamilyLifetime,
            ClockSkew = ClockSkew,
            SigningAlgorithm = SigningAlgorithm,
            RsaKeySize = RsaKeySize,
            KeyPublishLeadTime = KeyPublishLeadTime,
            KeyRotationInterval = KeyRotationInterval,
        };
        if (SupportedScopes is { Length: > 0 } scopes)
        {
            options.SupportedScopes = scopes;
        }

        options.Validate();
        ValidateHosting();
        return options;
    }

    /// <summary>The settings that only the host uses: periods, session lifetime, rate limits.</summary>
    private void ValidateHosting()
    {
        Require(MaintenanceInterval > TimeSpan.Zero && (KeyPublishLeadTime <= TimeSpan.Zero || MaintenanceInterval < KeyPublishLeadTime), "MaintenanceInterval must be positive and shorter than KeyPublishLeadTime");
        Require(SessionLifetime > TimeSpan.Zero && SessionLifetime <= TimeSpan.FromDays(30), "SessionLifetime must be positive and at most 30 days");
        Require(RevocationSyncInterval > TimeSpan.Zero && RevocationSyncInterval <= MaintenanceInterval, "RevocationSyncInterval must be positive and at most MaintenanceInterval");
        Require(RateLimit.PermitLimit >= 1 && RateLimit.Window > TimeSpan.Zero, "RateLimit needs PermitLimit >= 1 and a positive Window");
        Require(SignInRateLimit.PermitLimit >= 1 && SignInRateLimit.Window > TimeSpan.Zero, "SignInRateLimit needs PermitLimit >= 1 and a positive Window");
    }

    private static void Require(bool condition, string detail)
    {
        if (!condition)
        {
            throw new Core.Errors.GovAuthZException(Core.Errors.ErrorCode.TokenOptionsInvalid, SectionName + ":" + detail);
        }
    }
}

/// <summary>Fixed-window limit on the token endpoint, per client address.</summary>
internal sealed class TokenRateLimitOptions
{
    public int PermitLimit { get; set; } = 60;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>The <c>GovAuthZ:Store</c> section: where tokens, clients and keys are kept.</summary>
internal sealed class TokenStoreOptions
{
    public const string SectionName = "GovAuthZ:Store";

    /// <summary>Sqlite (default, <c>&lt;DataDir&gt;/govauthz.db</c>) or Postgres.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Npgsql connection string for Postgres; for Sqlite, an optional file path.</summary>
    public string? ConnectionString { get; set; }

    public static TokenStoreOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(SectionName).Get<TokenStoreOptions>() ?? new TokenStoreOptions();
    }
}
