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

    public AuthOutcome Authenticate(string? authorization, string requiredScope)
    {
        if (_mode == AuthMode.Local)
        {
            return AuthOutcome.Success(Caller.Local);
        }

        if (!TryReadBearer(authorization, out var token, out var problem))
        {
            return AuthOutcome.Unauthenticated(problem);
        }

        var caller = Resolve(token, out problem);
        if (caller is null)
        {
            return AuthOutcome.Unauthenticated(problem);
        }

        return caller.HasScope(requiredScope)
            ? AuthOutcome.Success(caller)
            : AuthOutcome.Forbidden($"the access token does not grant the scope '{requiredScope}'", requiredScope);
    }

    private Caller? Resolve(ReadOnlySpan<char> token, out string problem)
    {
        var verifier = _verifier!;
        if (_cache.TryGet(token, out var cached))
        {
            // Revocation is re-checked on every hit: a revoked token must stop working at once, not when
            // its cache entry would have expired.
            if (cached.TokenId is { } id && verifier.IsRevoked(id))
            {
                _cache.Remove(token);
                problem = "the access token has been revoked";
                return null;
            }

            problem = string.Empty;
            return cached;
        }

        var text = token.ToString();
        var check = verifier.Verify(text);
        if (check.Caller is not { } caller)
        {
            problem = $"{check.ErrorCode} {check.Detail}";
            return null;
        }

        if (caller.TokenId is { } tokenId && verifier.IsRevoked(tokenId))
        {
            problem = "the access token has been revoked";
            return null;
        }

        _cache.Add(text, caller);
        problem = string.Empty;
        return caller;
    }

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
