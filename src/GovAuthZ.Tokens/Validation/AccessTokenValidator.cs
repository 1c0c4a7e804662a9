using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Keys;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GovAuthZ.Tokens.Validation;

/// <summary>
/// Validates our access tokens for a resource server in this process (RFC 9068 section 4, RFC 8725).
/// Order: size, structure, header (alg allow-list, no key-carrying parameters, typ), kid in our ring and
/// usable now, signature, then iss, aud, exp/nbf/iat against the injected clock, required claims, the
/// official's attributes and revocation. The first failing check decides the code.
/// </summary>
/// <remarks>
/// Thread-safe and built once: validation parameters and the handler are shared, keys come from the ring's
/// current snapshot by one volatile read, and nothing is fetched or reflected per call.
/// </remarks>
public sealed class AccessTokenValidator
{
    private readonly JsonWebTokenHandler _handler = new();
    private readonly TokenValidationParameters _parameters;
    private readonly SigningKeyRing _ring;
    private readonly IRevokedTokens _revoked;
    private readonly string _issuer;
    private readonly string? _audience;
    private readonly string[] _algorithms;
    private readonly TimeSpan _skew;
    private readonly int _maxLength;

    /// <summary>A validator for a resource server whose identifier is <paramref name="audience"/> (default: <see cref="TokenOptions.DefaultAudience"/>).</summary>
    public AccessTokenValidator(TokenOptions options, SigningKeyRing ring, IRevokedTokens revokedTokens, string? audience = null)
        : this(options, ring, revokedTokens, audience ?? options?.DefaultAudience, anyAudience: false)
    {
    }

    private AccessTokenValidator(TokenOptions options, SigningKeyRing ring, IRevokedTokens revokedTokens, string? audience, bool anyAudience)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ring = ring ?? throw new ArgumentNullException(nameof(ring));
        _revoked = revokedTokens ?? throw new ArgumentNullException(nameof(revokedTokens));
        _issuer = options.Issuer;
        _audience = anyAudience ? null : audience;
        _algorithms = [.. options.AcceptedAlgorithms];
        _skew = options.ClockSkew;
        _maxLength = options.MaxTokenLength;
        _parameters = SignatureOnlyParameters(_algorithms, ResolveKey);
    }

    /// <summary>
    /// For the issuer's own introspection and revocation endpoints, which answer for tokens of every
    /// resource; never for a resource server, which must check that a token was meant for it.
    /// </summary>
    internal static AccessTokenValidator ForAnyAudience(TokenOptions options, SigningKeyRing ring, IRevokedTokens revokedTokens) =>
        new(options, ring, revokedTokens, null, anyAudience: true);

    public async ValueTask<AccessTokenValidationResult> ValidateAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token))
        {
            return AccessTokenValidationResult.Failure(ErrorCode.AccessTokenMissing);
        }

        if (token.Length > _maxLength)
        {
            return AccessTokenValidationResult.Failure(ErrorCode.AccessTokenTooLarge);
        }

        if (!JwsHeaderGuard.TryRead(_handler, token, out var jwt))
        {
            return AccessTokenValidationResult.Failure(ErrorCode.AccessTokenMalformed);
        }

        var now = _ring.Time.GetUtcNow();
        var headerError = CheckHeader(jwt, now, out var key);
        if (headerError != ErrorCode.None)
        {
            return AccessTokenValidationResult.Failure(headerError);
        }

        var signature = await _handler.ValidateTokenAsync(jwt, _parameters).ConfigureAwait(false);
        if (!signature.IsValid)
        {
            return AccessTokenValidationResult.Failure(
                signature.Exception is SecurityTokenInvalidAlgorithmException ? ErrorCode.AccessTokenAlgorithmRejected : ErrorCode.AccessTokenSignatureInvalid);
        }

        var claims = AccessTokenClaims.Read(jwt, key.KeyId, _issuer, _audience, now, _skew, out var claimError);
        if (claims is null)
        {
            return AccessTokenValidationResult.Failure(claimError);
        }

        return await _revoked.IsRevokedAsync(claims.TokenId, cancellationToken).ConfigureAwait(false)
            ? AccessTokenValidationResult.Failure(ErrorCode.AccessTokenRevoked)
            : AccessTokenValidationResult.Success(claims);
    }

    private ErrorCode CheckHeader(JsonWebToken jwt, DateTimeOffset now, out RingKey key)
    {
        key = null!;
        if (!JwsHeaderGuard.IsAccepted(jwt.Alg, _algorithms))
        {
            return ErrorCode.AccessTokenAlgorithmRejected;
        }

        if (JwsHeaderGuard.HasRejectedParameter(jwt))
        {
            return ErrorCode.AccessTokenHeaderRejected;
        }

        // RFC 9068 section 4: typ must be at+jwt or application/at+jwt; media types compare case-insensitively.
        if (!string.Equals(jwt.Typ, TokenClaimNames.AccessTokenType, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(jwt.Typ, TokenClaimNames.AccessTokenMediaType, StringComparison.OrdinalIgnoreCase))
        {
            return ErrorCode.AccessTokenTypeInvalid;
        }

        if (string.IsNullOrEmpty(jwt.Kid) || !_ring.Snapshot.TryGet(jwt.Kid, out key) || !key.VerifiesAt(now, _skew))
        {
            return ErrorCode.AccessTokenKeyUnknown;
        }

        // RFC 8725 section 3.1: a key is used with exactly one algorithm.
        return string.Equals(key.Algorithm, jwt.Alg, StringComparison.Ordinal) ? ErrorCode.None : ErrorCode.AccessTokenAlgorithmRejected;
    }

    private IEnumerable<SecurityKey> ResolveKey(string token, SecurityToken securityToken, string kid, TokenValidationParameters parameters) =>
        _ring.Snapshot.TryGet(kid, out var key) ? key.VerificationKeys : [];

    /// <summary>
    /// Parameters that make the handler check the signature and algorithm only; the claim checks follow
    /// in <see cref="AccessTokenClaims"/> against the injected clock, where each failure has its own code.
    /// </summary>
    internal static TokenValidationParameters SignatureOnlyParameters(string[] algorithms, IssuerSigningKeyResolver resolver) => new()
    {
        RequireSignedTokens = true,
        ValidAlgorithms = algorithms,
        IssuerSigningKeyResolver = resolver,
        TryAllIssuerSigningKeys = false,
        ValidateIssuer = false,
        ValidateAudience = false,
        ValidateLifetime = false,
        RequireExpirationTime = false,
        RequireAudience = false,
        ValidateIssuerSigningKey = false,
        ValidateTokenReplay = false,
        ValidateActor = false,
        SaveSigninToken = false,
    };
}
