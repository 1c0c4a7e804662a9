namespace GovAuthZ.Tokens;

/// <summary>Claim and header names we write and read (RFC 7519, RFC 9068, OIDC Core section 2, our own).</summary>
public static class TokenClaimNames
{
    public const string Issuer = "iss";
    public const string Subject = "sub";
    public const string Audience = "aud";
    public const string Expires = "exp";
    public const string NotBefore = "nbf";
    public const string IssuedAt = "iat";
    public const string TokenId = "jti";
    public const string ClientId = "client_id";
    public const string Scope = "scope";
    public const string AuthTime = "auth_time";
    public const string Nonce = "nonce";
    public const string AuthorizedParty = "azp";

    /// <summary>The sign-in session an ID token was issued in (OIDC Front-Channel Logout 1.0 section 3).</summary>
    public const string SessionId = "sid";

    /// <summary>OIDC Core 3.1.3.6: the left-half hash of the access token issued with an ID token.</summary>
    public const string AccessTokenHash = "at_hash";

    /// <summary>OIDC Core 5.1: the end user's full name, from scope profile.</summary>
    public const string Name = "name";

    /// <summary>RFC 8693 section 4.1: the party acting on behalf of the subject, as {"sub": ...}.</summary>
    public const string Actor = "act";

    // Attributes of an official (or of a department app) that the decision point reads.
    public const string Department = "department";
    public const string Roles = "roles";
    public const string Level = "level";
    public const string Region = "region";
    public const string Clearance = "clearance";

    /// <summary>RFC 9068 section 2.1 typ of access tokens, and the long form resource servers also accept.</summary>
    public const string AccessTokenType = "at+jwt";
    public const string AccessTokenMediaType = "application/at+jwt";

    /// <summary>typ of ID tokens and other plain JWTs (RFC 7519 section 5.1).</summary>
    public const string JwtType = "JWT";
}
