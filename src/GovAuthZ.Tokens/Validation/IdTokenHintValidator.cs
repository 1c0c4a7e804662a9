using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using GovAuthZ.Tokens.Keys;

namespace GovAuthZ.Tokens.Validation;

/// <summary>What an id_token_hint tells the end-session endpoint: who signed in, to which client, in which session.</summary>
public sealed record IdTokenHint(string Subject, string ClientId, string? SessionId);

/// <summary>
/// Checks an id_token_hint (OIDC RP-Initiated Logout 1.0 section 2): one of our ID tokens, so header rules
/// as for every JWT we accept, typ JWT, a kid in our ring, a valid signature, our issuer, a sub and a
/// single client as aud. Expiry is deliberately not checked: a relying party logs out with whatever ID token
/// it holds, typically long expired (section 2, "the OP SHOULD accept ID Tokens when the RP identified by
/// the ID Token's aud claim ... when the ID Token's exp time has passed"). Thread-safe; create once.
/// </summary>
public sealed class IdTokenHintValidator
{
    private readonly JsonWebTokenHandler _handler = new();
    private readonly TokenValidationParameters _parameters;
    private readonly SigningKeyRing _ring;
    private readonly string _issuer;
    private readonly string[] _algorithms;
    private readonly int _maxLength;

    public IdTokenHintValidator(TokenOptions options, SigningKeyRing ring)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ring = ring ?? throw new ArgumentNullException(nameof(ring));
        _issuer = options.Issuer;
        _algorithms = [.. options.AcceptedAlgorithms];
        _maxLength = options.MaxTokenLength;
        _parameters = AccessTokenValidator.SignatureOnlyParameters(_algorithms, ResolveKey);
    }

    /// <summary>The hint's facts, or null when it is not an ID token of ours.</summary>
    public async ValueTask<IdTokenHint?> ValidateAsync(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > _maxLength || !JwsHeaderGuard.TryRead(_handler, token, out var jwt))
        {
            return null;
        }

        // A key stays in the ring (published) after it stops signing, so old hints still verify until it is pruned.
        if (!JwsHeaderGuard.IsAccepted(jwt.Alg, _algorithms) || JwsHeaderGuard.HasRejectedParameter(jwt)
            || !string.Equals(jwt.Typ, TokenClaimNames.JwtType, StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrEmpty(jwt.Kid) || !_ring.Snapshot.TryGet(jwt.Kid, out var key)
            || !string.Equals(key.Algorithm, jwt.Alg, StringComparison.Ordinal))
        {
            return null;
        }

        var signature = await _handler.ValidateTokenAsync(jwt, _parameters).ConfigureAwait(false);
        if (!signature.IsValid || !string.Equals(JwtClaimReader.String(jwt, TokenClaimNames.Issuer), _issuer, StringComparison.Ordinal))
        {
            return null;
        }

        var subject = JwtClaimReader.String(jwt, TokenClaimNames.Subject);
        var client = Audience(jwt);
        return subject is null || client is null ? null : new IdTokenHint(subject, client, JwtClaimReader.String(jwt, TokenClaimNames.SessionId));
    }

    /// <summary>Our ID tokens have exactly one audience, the client (written as a string or a one-element array).</summary>
    private static string? Audience(JsonWebToken jwt) =>
        JwtClaimReader.String(jwt, TokenClaimNames.Audience) ?? (JwtClaimReader.StringArray(jwt, TokenClaimNames.Audience) is [{ Length: > 0 } single] ? single : null);

    private IEnumerable<SecurityKey> ResolveKey(string token, SecurityToken securityToken, string kid, TokenValidationParameters parameters) =>
        _ring.Snapshot.TryGet(kid, out var key) ? key.VerificationKeys : [];
}
