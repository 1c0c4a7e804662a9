namespace GovAuthZ.Tokens.Errors;

/// <summary>The error names of RFC 6749 section 5.2 and RFC 6750 section 3.1, exactly as sent on the wire.</summary>
public static class OAuthErrors
{
    public const string InvalidRequest = "invalid_request";
    public const string InvalidClient = "invalid_client";
    public const string InvalidGrant = "invalid_grant";
    public const string UnauthorizedClient = "unauthorized_client";
    public const string UnsupportedGrantType = "unsupported_grant_type";
    public const string InvalidScope = "invalid_scope";

    /// <summary>RFC 6749 section 4.1.2.1: authorization-endpoint errors sent back to the client's redirect_uri.</summary>
    public const string UnsupportedResponseType = "unsupported_response_type";
    public const string AccessDenied = "access_denied";

    /// <summary>OIDC Core 3.1.2.6: prompt=none, and the user would have to sign in or consent.</summary>
    public const string LoginRequired = "login_required";
    public const string ConsentRequired = "consent_required";

    /// <summary>RFC 6750 section 3.1: the resource server's answer to a bad bearer token.</summary>
    public const string InvalidToken = "invalid_token";

    /// <summary>RFC 6750 section 3.1: the token is valid but lacks what the resource requires (HTTP 403).</summary>
    public const string InsufficientScope = "insufficient_scope";

    /// <summary>RFC 8707 section 2 and RFC 8693 section 2.2.2: the requested resource or audience is malformed, unknown or not allowed.</summary>
    public const string InvalidTarget = "invalid_target";
}
