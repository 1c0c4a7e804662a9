namespace GovAuthZ.Tokens;

/// <summary>Client authentication method names (RFC 7591 section 2, RFC 7523 section 2.2).</summary>
public static class ClientAuthenticationMethods
{
    public const string ClientSecretBasic = "client_secret_basic";
    public const string ClientSecretPost = "client_secret_post";
    public const string PrivateKeyJwt = "private_key_jwt";

    /// <summary>A public client: identifies itself with client_id only.</summary>
    public const string None = "none";

    /// <summary>RFC 7523 section 2.2: the only client_assertion_type we accept.</summary>
    public const string JwtBearerAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
}

/// <summary>Grant type names (RFC 6749, RFC 8693). Implicit and password are deliberately absent (RFC 9700 2.1.2, 2.4).</summary>
public static class GrantTypes
{
    public const string AuthorizationCode = "authorization_code";
    public const string ClientCredentials = "client_credentials";
    public const string RefreshToken = "refresh_token";
    public const string TokenExchange = "urn:ietf:params:oauth:grant-type:token-exchange";
}

/// <summary>Token endpoint parameter names (RFC 6749 sections 4 and 6, RFC 7521 4.2, RFC 7636 4.5).</summary>
public static class TokenRequestParameterNames
{
    public const string GrantType = "grant_type";
    public const string Scope = "scope";
    public const string ClientId = "client_id";
    public const string ClientSecret = "client_secret";
    public const string ClientAssertion = "client_assertion";
    public const string ClientAssertionType = "client_assertion_type";
    public const string Code = "code";
    public const string RedirectUri = "redirect_uri";
    public const string CodeVerifier = "code_verifier";
    public const string RefreshToken = "refresh_token";
    public const string Resource = "resource";

    // RFC 8693 section 2.1.
    public const string SubjectToken = "subject_token";
    public const string SubjectTokenType = "subject_token_type";
    public const string ActorToken = "actor_token";
    public const string ActorTokenType = "actor_token_type";
    public const string RequestedTokenType = "requested_token_type";
    public const string Audience = "audience";
}

/// <summary>Token type identifiers of RFC 8693 section 3.</summary>
public static class TokenTypeIdentifiers
{
    public const string AccessToken = "urn:ietf:params:oauth:token-type:access_token";
}
