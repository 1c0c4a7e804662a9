namespace GovAuthZ.Core.Errors;

/// <summary>
/// The standing message of a code: what went wrong, in words a caller can act on. Token-service messages
/// travel as OAuth error_description, so they keep to the characters RFC 6749 section 5.2 allows
/// (printable ASCII without double quote or backslash) and never echo request values.
/// </summary>
public static class ErrorMessages
{
    /// <summary>The message of <paramref name="code"/>; codes without a standing message give their name.</summary>
    public static string For(ErrorCode code) => code switch
    {
        ErrorCode.TokenOptionsInvalid => "token service options are invalid",
        ErrorCode.KeyNoActiveSigner => "no signing key is active",
        ErrorCode.KeyRecordInvalid => "a stored signing key record cannot be read",
        ErrorCode.KeyAlgorithmUnsupported => "signing algorithm is not supported",
        ErrorCode.KeyStoreConflict => "the signing key set was changed concurrently",

        ErrorCode.ClientAuthenticationMissing => "client authentication is required",
        ErrorCode.ClientAuthenticationMultipleMethods => "more than one client authentication method was used",
        ErrorCode.ClientAuthenticationMalformed => "client credentials are malformed",
        ErrorCode.ClientIdMismatch => "client_id does not match the authenticated client",
        ErrorCode.ClientUnknown => "client authentication failed",
        ErrorCode.ClientSecretInvalid => "client authentication failed",
        ErrorCode.ClientAuthenticationMethodNotAllowed => "client authentication method is not registered for this client",
        ErrorCode.ClientAssertionTypeUnsupported => "client_assertion_type is not supported",
        ErrorCode.ClientAssertionMalformed => "client assertion is not a well-formed signed JWT",
        ErrorCode.ClientAssertionSignatureInvalid => "client assertion signature is invalid",
        ErrorCode.ClientAssertionIssuerInvalid => "client assertion iss and sub must equal client_id",
        ErrorCode.ClientAssertionAudienceInvalid => "client assertion aud must be the issuer identifier",
        ErrorCode.ClientAssertionExpired => "client assertion has expired",
        ErrorCode.ClientAssertionLifetimeTooLong => "client assertion lifetime exceeds the allowed maximum",
        ErrorCode.ClientAssertionReplayed => "client assertion jti was already used",
        ErrorCode.ClientAssertionMissingClaim => "client assertion lacks a required claim",
        ErrorCode.ClientAssertionHeaderRejected => "client assertion header uses a rejected algorithm or parameter",
        ErrorCode.ClientAssertionNotYetValid => "client assertion is not yet valid",
        ErrorCode.ClientRegistrationInvalid => "client registration is invalid",

        ErrorCode.TokenRequestDuplicateParameter => "a request parameter was sent more than once",
        ErrorCode.TokenRequestMissingParameter => "a required request parameter is missing",
        ErrorCode.TokenRequestInvalidParameter => "a request parameter has an invalid value",
        ErrorCode.GrantTypeUnsupported => "grant_type is not supported",
        ErrorCode.GrantTypeNotAllowed => "the client is not allowed to use this grant_type",
        ErrorCode.GrantRequiresConfidentialClient => "this grant_type requires a confidential client",
        ErrorCode.ScopeMalformed => "scope is malformed",
        ErrorCode.ScopeUnknown => "scope names an unknown value",
        ErrorCode.ScopeNotAllowed => "a requested scope is not registered for this client",
        ErrorCode.PkceVerifierMalformed => "code_verifier is malformed",
        ErrorCode.PkceVerifierMismatch => "code_verifier does not match the code_challenge",
        ErrorCode.PkceMethodUnsupported => "code_challenge_method must be S256",

        ErrorCode.AccessTokenMissing => "access token is missing",
        ErrorCode.AccessTokenMalformed => "access token is not a well-formed signed JWT",
        ErrorCode.AccessTokenTooLarge => "access token exceeds the size limit",
        ErrorCode.AccessTokenAlgorithmRejected => "access token alg is not allowed",
        ErrorCode.AccessTokenHeaderRejected => "access token header carries a rejected parameter",
        ErrorCode.AccessTokenKeyUnknown => "access token kid names no usable key",
        ErrorCode.AccessTokenTypeInvalid => "access token typ must be at+jwt",
        ErrorCode.AccessTokenSignatureInvalid => "access token signature is invalid",
        ErrorCode.AccessTokenIssuerInvalid => "access token issuer is not trusted",
        ErrorCode.AccessTokenAudienceInvalid => "access token audience does not include this resource",
        ErrorCode.AccessTokenExpired => "access token has expired",
        ErrorCode.AccessTokenNotYetValid => "access token is not yet valid",
        ErrorCode.AccessTokenMissingClaim => "access token lacks a required claim",
        ErrorCode.AccessTokenClaimInvalid => "access token carries a malformed claim",
        ErrorCode.AccessTokenRevoked => "access token has been revoked",

        ErrorCode.TokenEndpointContentTypeInvalid => "the request body must be application/x-www-form-urlencoded",
        ErrorCode.TokenEndpointRateLimited => "too many requests from this address; retry later",
        ErrorCode.TokenStoreUnavailable => "the token store cannot be reached",
        ErrorCode.TokenStoreOptionsInvalid => "token store options are invalid",

        ErrorCode.RefreshTokenUnknown => "refresh token is invalid",
        ErrorCode.RefreshTokenExpired => "refresh token has expired",
        ErrorCode.RefreshTokenRevoked => "refresh token was revoked",
        ErrorCode.RefreshTokenReused => "refresh token was already used; its grant is revoked",
        ErrorCode.RefreshTokenClientMismatch => "refresh token was issued to another client",
        ErrorCode.RefreshTokenScopeWidened => "scope may only narrow the scope of the refresh token",
        ErrorCode.TokenExchangeSubjectTokenInvalid => "subject_token is invalid, expired or revoked",
        ErrorCode.TokenExchangeTokenTypeUnsupported => "subject_token_type or requested_token_type is not supported",
        ErrorCode.TokenExchangeActorTokenUnsupported => "actor_token is not supported",
        ErrorCode.TokenExchangeScopeWidened => "scope may only narrow the scope of the subject token",
        ErrorCode.AuthorizationRequestMalformed => "the authorization request is malformed or repeats a parameter",
        ErrorCode.AuthorizationClientUnknown => "client_id is missing or not registered",
        ErrorCode.AuthorizationRedirectUriInvalid => "redirect_uri is missing or not registered for this client",
        ErrorCode.AuthorizationResponseTypeUnsupported => "response_type must be code",
        ErrorCode.AuthorizationPkceRequired => "code_challenge with code_challenge_method S256 is required",
        ErrorCode.AuthorizationGrantNotAllowed => "the client is not registered for the authorization_code grant",
        ErrorCode.AuthorizationCodeInvalid => "the authorization code is invalid, expired or already used",
        ErrorCode.AuthorizationCodeReplayed => "the authorization code is invalid, expired or already used",
        ErrorCode.AuthorizationCodeClientMismatch => "the authorization code is invalid, expired or already used",
        ErrorCode.AuthorizationCodeRedirectMismatch => "redirect_uri does not match the authorization request",
        ErrorCode.UserSignInFailed => "user id or password is incorrect",
        ErrorCode.UserRecordInvalid => "a user record is invalid",
        ErrorCode.KeyProtectionOptionsInvalid => "the key protection settings are invalid",
        _ => code.ToString(),
    };
}
