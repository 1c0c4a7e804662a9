using GovAuthZ.Core.Errors;

namespace GovAuthZ.Tokens.Errors;

/// <summary>
/// A rejection: our stable <see cref="Code"/> (for logs and audit), the RFC error name the client sees
/// (<see cref="Error"/>) and a description safe to send as error_description. Client-authentication
/// failures that would reveal whether a client exists share one description.
/// </summary>
public readonly record struct TokenError(ErrorCode Code, string Error, string Description)
{
    /// <summary>The public identifier of <see cref="Code"/>, e.g. GAZ3015.</summary>
    public string CodeId => ErrorCodes.Format(Code);

    /// <summary>
    /// The HTTP status the endpoint answers with: 401 for invalid_client and invalid_token (RFC 6749 5.2,
    /// RFC 6750 3.1), 403 for insufficient_scope (RFC 6750 3.1), 400 otherwise.
    /// </summary>
    public int HttpStatus => Error switch
    {
        OAuthErrors.InvalidClient or OAuthErrors.InvalidToken => 401,
        OAuthErrors.InsufficientScope => 403,
        _ => 400,
    };

    public static TokenError From(ErrorCode code) => new(code, OAuthErrorName(code), ErrorMessages.For(code));

    /// <summary>The RFC 6749 / RFC 6750 error name a code is reported under.</summary>
    public static string OAuthErrorName(ErrorCode code) => code switch
    {
        ErrorCode.ClientAuthenticationMultipleMethods or ErrorCode.ClientAuthenticationMalformed
            or ErrorCode.ClientIdMismatch or ErrorCode.TokenRequestDuplicateParameter
            or ErrorCode.TokenRequestMissingParameter or ErrorCode.TokenRequestInvalidParameter
            or ErrorCode.PkceMethodUnsupported => OAuthErrors.InvalidRequest,
        >= ErrorCode.ClientAuthenticationMissing and <= ErrorCode.ClientRegistrationInvalid => OAuthErrors.InvalidClient,
        ErrorCode.GrantTypeUnsupported => OAuthErrors.UnsupportedGrantType,
        ErrorCode.GrantTypeNotAllowed or ErrorCode.GrantRequiresConfidentialClient => OAuthErrors.UnauthorizedClient,
        ErrorCode.ScopeMalformed or ErrorCode.ScopeUnknown or ErrorCode.ScopeNotAllowed => OAuthErrors.InvalidScope,
        ErrorCode.PkceVerifierMalformed or ErrorCode.PkceVerifierMismatch => OAuthErrors.InvalidGrant,
        >= ErrorCode.AccessTokenMissing and <= ErrorCode.AccessTokenRevoked => OAuthErrors.InvalidToken,
        ErrorCode.RefreshTokenScopeWidened or ErrorCode.TokenExchangeScopeWidened => OAuthErrors.InvalidScope,
        >= ErrorCode.RefreshTokenUnknown and <= ErrorCode.RefreshTokenClientMismatch => OAuthErrors.InvalidGrant,
        ErrorCode.AuthorizationResponseTypeUnsupported => OAuthErrors.UnsupportedResponseType,
        ErrorCode.AuthorizationGrantNotAllowed => OAuthErrors.UnauthorizedClient,
        >= ErrorCode.AuthorizationCodeInvalid and <= ErrorCode.AuthorizationCodeRedirectMismatch => OAuthErrors.InvalidGrant,
        ErrorCode.UserSignInFailed or ErrorCode.AuthorizationConsentDenied => OAuthErrors.AccessDenied,
        ErrorCode.AuthorizationLoginRequired => OAuthErrors.LoginRequired,
        ErrorCode.AuthorizationConsentRequired => OAuthErrors.ConsentRequired,
        ErrorCode.TokenExchangeTargetMalformed or ErrorCode.TokenExchangeTargetNotAllowed => OAuthErrors.InvalidTarget,
        ErrorCode.UserInfoScopeMissing => OAuthErrors.InsufficientScope,
        ErrorCode.UserInfoSubjectNotUser or ErrorCode.UserInfoUserUnknown => OAuthErrors.InvalidToken,
        _ => OAuthErrors.InvalidRequest,
    };
}
