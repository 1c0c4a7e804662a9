using GovAuthZ.Tokens.Keys;

namespace GovAuthZ.Tokens.Issuance;

/// <summary>
/// Issues access tokens as JWTs per RFC 9068: header typ at+jwt, kid and alg; claims iss, sub, aud, exp,
/// iat, jti, client_id, scope (space-separated), auth_time when known, and the official's attributes.
/// Thread-safe; create once.
/// </summary>
public sealed class AccessTokenIssuer
{
    private readonly JwtWriter _writer;
    private readonly string[] _defaultAudience;
    private readonly TimeSpan _lifetime;

    public AccessTokenIssuer(TokenOptions options, SigningKeyRing ring)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ring);
        _writer = new JwtWriter(ring, options.Issuer);
        _defaultAudience = [options.DefaultAudience];
        _lifetime = options.AccessTokenLifetime;
    }

    public TimeSpan Lifetime => _lifetime;

    /// <summary>Signs a token for <paramref name="descriptor"/>; throws GAZ3002 when no key is active.</summary>
    public IssuedToken Issue(AccessTokenDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentException.ThrowIfNullOrEmpty(descriptor.Subject);
        ArgumentException.ThrowIfNullOrEmpty(descriptor.ClientId);
        var claims = new Dictionary<string, object>(12, StringComparer.Ordinal)
        {
            [TokenClaimNames.Subject] = descriptor.Subject,
            [TokenClaimNames.ClientId] = descriptor.ClientId,
        };
        if (descriptor.Scopes.Count > 0)
        {
            claims[TokenClaimNames.Scope] = string.Join(' ', descriptor.Scopes);
        }

        if (descriptor.AuthTime is { } authTime)
        {
            claims[TokenClaimNames.AuthTime] = authTime.ToUnixTimeSeconds();
        }

        if (descriptor.ActorClientId is { Length: > 0 } actor)
        {
            claims[TokenClaimNames.Actor] = new Dictionary<string, object>(1, StringComparer.Ordinal) { [TokenClaimNames.Subject] = actor };
        }

        if (descriptor.Official is { IsEmpty: false } official)
        {
            AddOfficial(claims, official);
        }

        var audiences = descriptor.Audiences.Count > 0 ? descriptor.Audiences : _defaultAudience;
        return _writer.Write(TokenClaimNames.AccessTokenType, audiences, claims, _lifetime);
    }

    private static void AddOfficial(Dictionary<string, object> claims, OfficialAttributes official)
    {
        if (!official.TryValidate(out var invalid))
        {
            throw new ArgumentException($"official attribute {invalid} is malformed", nameof(official));
        }

        official.WriteClaims(claims);
    }
}
