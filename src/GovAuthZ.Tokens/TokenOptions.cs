using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Keys;

namespace GovAuthZ.Tokens;

/// <summary>
/// Settings of the token service. Defaults follow RFC 9700 (short-lived bearer tokens) and RFC 8725
/// (asymmetric algorithms only). Call <see cref="Validate"/> once at startup; the components read the
/// values once and keep them, so changing an instance afterwards has no effect.
/// </summary>
public sealed class TokenOptions
{
    /// <summary>The issuer identifier (RFC 8414 section 2): an https URL without query or fragment.</summary>
    public string Issuer { get; set; } = string.Empty;

    /// <summary>The aud of access tokens when the request names no resource, and the audience the in-process validator expects.</summary>
    public string DefaultAudience { get; set; } = "govauthz";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan IdTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Sliding lifetime of one refresh token: each rotation issues a token valid this long, capped by the family's.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Absolute lifetime of a refresh token family (one grant): no rotation extends it (RFC 9700 section 4.14.2).</summary>
    public TimeSpan RefreshTokenFamilyLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Tolerance for clock differences between machines, applied to exp, nbf and iat.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Algorithm of newly created signing keys: ES256 (P-256, the default) or RS256.</summary>
    public string SigningAlgorithm { get; set; } = SigningAlgorithms.ES256;

    /// <summary>Modulus size of new RS256 keys; at least 2048 (RFC 7518 section 3.3).</summary>
    public int RsaKeySize { get; set; } = 2048;

    /// <summary>
    /// How long a new key sits in the JWKS before it signs, so every party caching the JWKS has fetched it
    /// before the first token it signed arrives. Replicas must reload the key set more often than this.
    /// </summary>
    public TimeSpan KeyPublishLeadTime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Age of the active key after which <see cref="SigningKeyRing.RotateIfDueAsync"/> starts a rotation.</summary>
    public TimeSpan KeyRotationInterval { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Algorithms the access-token validator accepts; asymmetric ones only.</summary>
    public IReadOnlyList<string> AcceptedAlgorithms { get; set; } = [SigningAlgorithms.ES256, SigningAlgorithms.RS256];

    /// <summary>Tokens longer than this are refused before parsing (bounds the work an attacker can cause).</summary>
    public int MaxTokenLength { get; set; } = 8192;

    /// <summary>Upper bound on exp - now (and exp - iat) of a private_key_jwt client assertion.</summary>
    public TimeSpan ClientAssertionMaxLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Every scope the server knows; a request naming any other fails with invalid_scope.</summary>
    public IReadOnlyList<string> SupportedScopes { get; set; } =
        ["openid", "profile", "decision:check", "decision:explain", "decision:assert-principal", "consent:read", "consent:write", "audit:read"];

    /// <summary>
    /// How long a key stays published after it stopped signing: the longest token it can have signed,
    /// plus clock skew. After this every token it signed has expired everywhere.
    /// </summary>
    public TimeSpan RetirementWindow =>
        (AccessTokenLifetime > IdTokenLifetime ? AccessTokenLifetime : IdTokenLifetime) + ClockSkew;

    /// <summary>Throws <see cref="GovAuthZException"/> (GAZ3001) naming the first bad setting.</summary>
    public void Validate()
    {
        Require(Uri.TryCreate(Issuer, UriKind.Absolute, out var issuer), "Issuer must be an absolute URL");
        Require(IsHttpsOrLoopbackHttp(issuer!), "Issuer must use https (RFC 8414 section 2)");
        Require(issuer!.Query.Length == 0 && issuer.Fragment.Length == 0, "Issuer must have no query or fragment");
        Require(!string.IsNullOrWhiteSpace(DefaultAudience), "DefaultAudience is required");
        Require(AccessTokenLifetime > TimeSpan.Zero && AccessTokenLifetime <= TimeSpan.FromDays(1), "AccessTokenLifetime must be within (0, 1 day]");
        Require(IdTokenLifetime > TimeSpan.Zero && IdTokenLifetime <= TimeSpan.FromDays(1), "IdTokenLifetime must be within (0, 1 day]");
        Require(RefreshTokenLifetime > TimeSpan.Zero && RefreshTokenLifetime <= RefreshTokenFamilyLifetime, "RefreshTokenLifetime must be within (0, RefreshTokenFamilyLifetime]");
        Require(RefreshTokenFamilyLifetime <= TimeSpan.FromDays(30), "RefreshTokenFamilyLifetime must be at most 30 days");
        Require(ClockSkew >= TimeSpan.Zero && ClockSkew <= TimeSpan.FromMinutes(5), "ClockSkew must be within [0, 5 minutes]");
        Require(SigningAlgorithms.IsSupported(SigningAlgorithm), "SigningAlgorithm must be ES256 or RS256");
        Require(RsaKeySize is >= 2048 and <= 8192 && RsaKeySize % 8 == 0, "RsaKeySize must be 2048 to 8192 bits");
        Require(KeyPublishLeadTime >= TimeSpan.Zero, "KeyPublishLeadTime must not be negative");
        Require(KeyRotationInterval > KeyPublishLeadTime, "KeyRotationInterval must exceed KeyPublishLeadTime");
        Require(AcceptedAlgorithms.Count > 0, "AcceptedAlgorithms must not be empty");
        foreach (var alg in AcceptedAlgorithms)
        {
            Require(SigningAlgorithms.IsSupported(alg), "AcceptedAlgorithms may name ES256 and RS256 only");
        }

        Require(AcceptedAlgorithms.Contains(SigningAlgorithm), "AcceptedAlgorithms must include SigningAlgorithm");
        Require(MaxTokenLength is >= 512 and <= 65536, "MaxTokenLength must be 512 to 65536");
        Require(ClientAssertionMaxLifetime > TimeSpan.Zero && ClientAssertionMaxLifetime <= TimeSpan.FromHours(1), "ClientAssertionMaxLifetime must be within (0, 1 hour]");
        foreach (var scope in SupportedScopes)
        {
            Require(Grants.ScopeParser.IsScopeToken(scope), "SupportedScopes entries must be RFC 6749 scope tokens");
        }
    }

    /// <summary>https, or plain http to a loopback host for local development. Never file: or other schemes.</summary>
    internal static bool IsHttpsOrLoopbackHttp(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);

    private static void Require(bool condition, string detail)
    {
        if (!condition)
        {
            throw new GovAuthZException(ErrorCode.TokenOptionsInvalid, detail);
        }
    }
}
