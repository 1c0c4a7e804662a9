using GovAuthZ.Server.Configuration;

namespace GovAuthZ.Server.Authentication;

/// <summary>
/// Authenticates decision API calls from the <c>Authorization</c> header (RFC 6750 section 2.1), the same
/// way for REST and gRPC. In local mode every call is the trusted <see cref="Caller.Local"/>; in bearer
/// mode a token is required, verified once and then served from <see cref="VerifiedTokenCache"/> until
/// it expires or is revoked. Thread-safe.
/// </summary>
internal sealed class CallerAuthenticator
{
    /// <summary>Longer headers are refused before any parsing or cryptography is spent on them.</summary>
    public const int MaxTokenLength = 8192;

    private const string BearerScheme = "Bearer";
    private const string RevokedDetail = "the access token has been revoked";

    private readonly AuthMode _mode;
    private readonly IAccessTokenVerifier? _verifier;
    private readonly VerifiedTokenCache _cache;

    public CallerAuthenticator(AuthMode mode, IAccessTokenVerifier? verifier, VerifiedTokenCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        if (mode == AuthMode.Bearer && verifier is null)
        {
            throw new ArgumentException("bearer mode needs a token verifier", nameof(verifier));
        }

        _mode = mode;
        _verifier = verifier;
        _cache = cache;
    }

    public AuthMode Mode => _mode;

    /// <summary>
    /// Authenticates one call. Completes synchronously, without allocating, for a cached token whose
    /// revocation check completes synchronously; only a first sight of a token awaits the verifier.
    /// </summary>
    public ValueTask<AuthOutcome> AuthenticateAsync(string? authorization, string requiredScope, CancellationToken cancellationToken)
    {
        if (_mode == AuthMode.Local)
        {
            return ValueTask.FromResult(AuthOutcome.Success(Caller.Local));
        }

        if (string.IsNullOrEmpty(authorization))
        {
            return ValueTask.FromResult(AuthOutcome.NoCredentials("a bearer access token is required in the Authorization header"));
        }

        if (!TryReadBearer(authorization, out var token, out var problem))
        {
            return ValueTask.FromResult(AuthOutcome.Unauthenticated(problem));
        }

        return Resolve(token, requiredScope, cancellationToken);
    }

    /// <summary>
    /// Verifies a token presented inside a request (a subject token) through the same cache, without a
    /// scope requirement: the caller's own scopes were checked already.
    /// </summary>
    public ValueTask<AuthOutcome> VerifyTokenAsync(string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (_verifier is null)
        {
            return ValueTask.FromResult(AuthOutcome.Unauthenticated("this server has no token service to verify the token"));
        }

        if (token.Length > MaxTokenLength || !IsB64Token(token))
        {
            return ValueTask.FromResult(AuthOutcome.Unauthenticated("the token is not a well-formed JWT"));
        }

        return Resolve(token, null, cancellationToken);
    }

    private ValueTask<AuthOutcome> Resolve(ReadOnlySpan<char> token, string? requiredScope, CancellationToken cancellationToken)
    {
        var verifier = _verifier!;
        if (!_cache.TryGet(token, out var cached))
        {
            return VerifyAsync(token.ToString(), requiredScope, cancellationToken);
        }

        // Revocation is re-checked on every hit: a revoked token must stop working at once, not when its
        // cache entry would have expired.
        if (cached.TokenId is not { } id)
        {
            return ValueTask.FromResult(Authorize(cached, requiredScope));
        }

        var revoked = verifier.IsRevokedAsync(id, cancellationToken);
        if (revoked.IsCompletedSuccessfully)
        {
            return ValueTask.FromResult(AfterRevocationCheck(revoked.Result, token, cached, requiredScope));
        }

        return AwaitRevocationAsync(revoked, token.ToString(), cached, requiredScope);
    }

    private async ValueTask<AuthOutcome> AwaitRevocationAsync(ValueTask<bool> revoked, string token, Caller cached, string? requiredScope) =>
        AfterRevocationCheck(await revoked.ConfigureAwait(false), token, cached, requiredScope);

    private AuthOutcome AfterRevocationCheck(bool revoked, ReadOnlySpan<char> token, Caller cached, string? requiredScope)
    {
        if (!revoked)
        {
            return Authorize(cached, requiredScope);
        }

        _cache.Remove(token);
        return AuthOutcome.Unauthenticated(RevokedDetail);
    }

    private async ValueTask<AuthOutcome> VerifyAsync(string token, string? requiredScope, CancellationToken cancellationToken)
    {
        var verifier = _verifier!;
        var check = await verifier.VerifyAsync(token, cancellationToken).ConfigureAwait(false);
        if (check.Caller is not { } caller)
        {
            return AuthOutcome.Unauthenticated($"{check.ErrorCode} {check.Detail}");
        }

        if (caller.TokenId is { } tokenId && await verifier.IsRevokedAsync(tokenId, cancellationToken).ConfigureAwait(false))
        {
            return AuthOutcome.Unauthenticated(RevokedDetail);
        }

        _cache.Add(token, caller);
        return Authorize(caller, requiredScope);
    }

    private static AuthOutcome Authorize(Caller caller, string? requiredScope) => requiredScope is null || caller.HasScope(requiredScope)
        ? AuthOutcome.Success(caller)
        : AuthOutcome.Forbidden($"the access token does not grant the scope '{requiredScope}'", requiredScope);

    // RFC 6750 section 2.1: credentials = "Bearer" 1*SP b64token. The scheme name is case-insensitive
    // (RFC 9110 section 11.1); the token itself is compared byte for byte.
    private static bool TryReadBearer(string? authorization, out ReadOnlySpan<char> token, out string problem)
    {
        token = default;
        if (string.IsNullOrEmpty(authorization))
        {
            problem = "a bearer access token is required in the Authorization header";
            return false;
        }

        if (authorization.Length > MaxTokenLength)
        {
            problem = $"the Authorization header is longer than {MaxTokenLength} characters";
            return false;
        }

        var value = authorization.AsSpan();
        if (value.Length <= BearerScheme.Length || !value[..BearerScheme.Length].Equals(BearerScheme, StringComparison.OrdinalIgnoreCase) || value[BearerScheme.Length] != ' ')
        {
            problem = "the Authorization header must use the Bearer scheme";
            return false;
        }

        var rest = value[(BearerScheme.Length + 1)..].Trim(' ');
        if (rest.IsEmpty || !IsB64Token(rest))
        {
            problem = "the bearer token is empty or holds characters outside the b64token syntax";
            return false;
        }

        token = rest;
        problem = string.Empty;
        return true;
    }

    // b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
    private static bool IsB64Token(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '-' or '.' or '_' or '~' or '+' or '/'))
        {
            i++;
        }

        if (i == 0)
        {
            return false;
        }

        while (i < text.Length && text[i] == '=')
        {
            i++;
        }

        return i == text.Length;
    }
}
