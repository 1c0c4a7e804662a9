using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Validation;
using Microsoft.IdentityModel.JsonWebTokens;

namespace GovAuthZ.Tokens.Clients;

/// <summary>
/// private_key_jwt (RFC 7523 section 3, RFC 7521 section 4.2): iss and sub equal the client_id; aud is
/// our issuer identifier and nothing else (a token endpoint URL or a list is refused, closing the audience
/// injection hole); exp is required and at most <see cref="TokenOptions.ClientAssertionMaxLifetime"/>
/// ahead; jti is required and accepted once; the signature must verify with a key from the client's
/// registered JWKS, never from the header.
/// </summary>
internal sealed class ClientAssertionValidator
{
    private static readonly string[] AcceptedAlgorithms = ["ES256", "ES384", "ES512", "PS256", "PS384", "PS512", "RS256", "RS384", "RS512"];
    private readonly JsonWebTokenHandler _handler = new();
    private readonly IClientAssertionReplayCache _replay;
    private readonly TimeProvider _time;
    private readonly string _issuer;
    private readonly TimeSpan _skew;
    private readonly TimeSpan _maxLifetime;
    private readonly int _maxLength;

    public ClientAssertionValidator(TokenOptions options, IClientAssertionReplayCache replay, TimeProvider time)
    {
        _replay = replay ?? throw new ArgumentNullException(nameof(replay));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _issuer = options.Issuer;
        _skew = options.ClockSkew;
        _maxLifetime = options.ClientAssertionMaxLifetime;
        _maxLength = options.MaxTokenLength;
    }

    public async ValueTask<ClientAuthenticationResult> ValidateAsync(string assertion, string? formClientId, IClientStore clients, CancellationToken cancellationToken)
    {
        if (assertion.Length > _maxLength || !JwsHeaderGuard.TryRead(_handler, assertion, out var jwt))
        {
            return Fail(ErrorCode.ClientAssertionMalformed);
        }

        if (!JwsHeaderGuard.IsAccepted(jwt.Alg, AcceptedAlgorithms) || JwsHeaderGuard.HasRejectedParameter(jwt))
        {
            return Fail(ErrorCode.ClientAssertionHeaderRejected);
        }

        var issuer = JwtClaimReader.String(jwt, TokenClaimNames.Issuer);
        if (issuer is null || !string.Equals(issuer, JwtClaimReader.String(jwt, TokenClaimNames.Subject), StringComparison.Ordinal))
        {
            return Fail(ErrorCode.ClientAssertionIssuerInvalid);
        }

        if (formClientId is not null && !string.Equals(formClientId, issuer, StringComparison.Ordinal))
        {
            return Fail(ErrorCode.ClientIdMismatch);
        }

        var client = await clients.FindByIdAsync(issuer, cancellationToken).ConfigureAwait(false);
        if (client is null)
        {
            return Fail(ErrorCode.ClientUnknown);
        }

        if (!client.AllowsAuthenticationMethod(ClientAuthenticationMethods.PrivateKeyJwt) || client.Jwks is null)
        {
            return Fail(ErrorCode.ClientAuthenticationMethodNotAllowed);
        }

        if (!await VerifySignatureAsync(jwt, client.Jwks).ConfigureAwait(false))
        {
            return Fail(ErrorCode.ClientAssertionSignatureInvalid);
        }

        var claimError = CheckClaims(jwt, out var expiresAt, out var tokenId);
        if (claimError != ErrorCode.None)
        {
            return Fail(claimError);
        }

        // Recorded only after every other check passed, so a rejected assertion cannot burn a jti.
        return await _replay.TryAddAsync(client.ClientId, tokenId, expiresAt + _skew, cancellationToken).ConfigureAwait(false)
            ? ClientAuthenticationResult.Success(client, ClientAuthenticationMethods.PrivateKeyJwt)
            : Fail(ErrorCode.ClientAssertionReplayed);
    }

    private async ValueTask<bool> VerifySignatureAsync(JsonWebToken jwt, ClientKeySet keys)
    {
        var candidates = keys.Candidates(jwt.Alg, string.IsNullOrEmpty(jwt.Kid) ? null : jwt.Kid);
        if (candidates.Length == 0)
        {
            return false;
        }

        var parameters = Validation.AccessTokenValidator.SignatureOnlyParameters(AcceptedAlgorithms, (_, _, _, _) => candidates);
        parameters.TryAllIssuerSigningKeys = true;
        var result = await _handler.ValidateTokenAsync(jwt, parameters).ConfigureAwait(false);
        return result.IsValid;
    }

    private ErrorCode CheckClaims(JsonWebToken jwt, out DateTimeOffset expiresAt, out string tokenId)
    {
        expiresAt = default;
        tokenId = JwtClaimReader.String(jwt, TokenClaimNames.TokenId)!;
        var audiences = JwtClaimReader.Audiences(jwt);
        if (audiences.Count != 1 || !string.Equals(audiences[0], _issuer, StringComparison.Ordinal))
        {
            return ErrorCode.ClientAssertionAudienceInvalid;
        }

        var exp = JwtClaimReader.Time(jwt, TokenClaimNames.Expires);
        if (exp is null || tokenId is null)
        {
            return ErrorCode.ClientAssertionMissingClaim;
        }

        var now = _time.GetUtcNow();
        if (now >= exp.Value + _skew)
        {
            return ErrorCode.ClientAssertionExpired;
        }

        var iat = JwtClaimReader.Time(jwt, TokenClaimNames.IssuedAt);
        if (exp.Value - now > _maxLifetime + _skew || (iat is not null && exp.Value - iat.Value > _maxLifetime))
        {
            return ErrorCode.ClientAssertionLifetimeTooLong;
        }

        var nbf = JwtClaimReader.Time(jwt, TokenClaimNames.NotBefore);
        if ((iat is not null && iat.Value > now + _skew) || (nbf is not null && nbf.Value > now + _skew))
        {
            return ErrorCode.ClientAssertionNotYetValid;
        }

        expiresAt = exp.Value;
        return ErrorCode.None;
    }

    private static ClientAuthenticationResult Fail(ErrorCode code) => ClientAuthenticationResult.Failure(code);
}
