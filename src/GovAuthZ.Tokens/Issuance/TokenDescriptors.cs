namespace GovAuthZ.Tokens.Issuance;

/// <summary>What an access token says (RFC 9068 section 2.2). Times and ids are added by the issuer.</summary>
public sealed class AccessTokenDescriptor
{
    /// <summary>The resource owner, or the client's own id for client_credentials (RFC 9068 section 2.2).</summary>
    public required string Subject { get; init; }

    public required string ClientId { get; init; }

    /// <summary>The resources the token is for; empty means <see cref="TokenOptions.DefaultAudience"/>.</summary>
    public IReadOnlyList<string> Audiences { get; init; } = [];

    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>When the end user authenticated, if one did.</summary>
    public DateTimeOffset? AuthTime { get; init; }

    public OfficialAttributes? Official { get; init; }

    /// <summary>The client acting on behalf of <see cref="Subject"/> (token exchange), written as act.sub (RFC 8693 4.1).</summary>
    public string? ActorClientId { get; init; }
}

/// <summary>What an ID token says (OIDC Core section 2). aud and azp are the client.</summary>
public sealed class IdTokenDescriptor
{
    public required string Subject { get; init; }

    public required string ClientId { get; init; }

    public required DateTimeOffset AuthTime { get; init; }

    /// <summary>The nonce of the authentication request, echoed unchanged (OIDC Core section 3.1.2.1).</summary>
    public string? Nonce { get; init; }

    /// <summary>The sign-in session, written as sid when present.</summary>
    public string? SessionId { get; init; }

    /// <summary>The access token issued in the same response; its hash becomes at_hash (OIDC Core 3.1.3.6, 3.3.2.11).</summary>
    public string? AccessToken { get; init; }
}

/// <summary>A signed token and the facts the endpoint reports or records about it.</summary>
public sealed record IssuedToken(string Token, string TokenId, string KeyId, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt)
{
    /// <summary>Seconds from issue to expiry, for expires_in (RFC 6749 section 5.1).</summary>
    public int ExpiresIn => (int)(ExpiresAt - IssuedAt).TotalSeconds;
}
