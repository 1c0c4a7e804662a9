using GovAuthZ.Tokens.Keys;

namespace GovAuthZ.Tokens.Issuance;

/// <summary>
/// Issues ID tokens per OIDC Core section 2: iss, sub, aud (the client), exp, iat, auth_time, nonce when
/// the request had one, azp (the client), at_hash when an access token is issued alongside, header typ JWT. Thread-safe; create once.
/// </summary>
public sealed class IdTokenIssuer
{
    private readonly JwtWriter _writer;
    private readonly TimeSpan _lifetime;

    public IdTokenIssuer(TokenOptions options, SigningKeyRing ring)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ring);
        _writer = new JwtWriter(ring, options.Issuer);
        _lifetime = options.IdTokenLifetime;
    }

    public IssuedToken Issue(IdTokenDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentException.ThrowIfNullOrEmpty(descriptor.Subject);
        ArgumentException.ThrowIfNullOrEmpty(descriptor.ClientId);
        var claims = new Dictionary<string, object>(8, StringComparer.Ordinal)
        {
            [TokenClaimNames.Subject] = descriptor.Subject,
            [TokenClaimNames.AuthTime] = descriptor.AuthTime.ToUnixTimeSeconds(),
            [TokenClaimNames.AuthorizedParty] = descriptor.ClientId,
        };
        if (descriptor.Nonce is not null)
        {
            claims[TokenClaimNames.Nonce] = descriptor.Nonce;
        }

        if (descriptor.SessionId is not null)
        {
            claims[TokenClaimNames.SessionId] = descriptor.SessionId;
        }

        return _writer.Write(TokenClaimNames.JwtType, [descriptor.ClientId], claims, _lifetime, descriptor.AccessToken);
    }
}
