namespace GovAuthZ.Core.Errors;

/// <summary>
/// Stable error codes. A code never changes meaning once published: callers, logs and dashboards key on
/// it. New codes are appended within their block; the numeric blocks group codes by the component that
/// raises them.
/// </summary>
public enum ErrorCode
{
    None = 0,

    // 1000-1099: model files (.conf).
    ModelSyntax = 1001,
    ModelMissingSection = 1002,
    ModelUnknownSection = 1003,
    ModelDuplicateKey = 1004,
    ModelInvalidDefinition = 1005,
    ModelUnsupportedEffect = 1006,

    // 1100-1199: policy files (CSV).
    PolicySyntax = 1101,
    PolicyUnknownType = 1102,
    PolicyFieldCount = 1103,
    PolicyInvalidValue = 1104,

    // 1200-1299: matcher expressions.
    MatcherSyntax = 1201,
    MatcherUnknownFunction = 1202,
    MatcherUnknownToken = 1203,
    MatcherArity = 1204,
    MatcherInvalidPattern = 1205,

    // 1300-1399: role hierarchy.
    RoleCycle = 1301,
    RoleDepthExceeded = 1302,
    RoleUnknownDefinition = 1303,

    // 1400-1499: evaluation of one request (always a deny, never an exception to the caller).
    EvalMissingAttribute = 1401,
    EvalTypeMismatch = 1402,
    EvalRegexTimeout = 1403,
    EvalBadArgument = 1404,
    EvalRequestArity = 1405,
    EvalFunctionFailed = 1406,
    EvalDepthExceeded = 1407,

    // 1500-1599: management API.
    ManagementInvalidRule = 1501,
    ManagementUnknownType = 1502,

    // 1900-1999: input to the command line and other front ends.
    InputMalformedJson = 1901,
    InputInvalidRequest = 1902,

    // 2000-2099: the decision API and the catalogs it reads (catalog.yaml, purposes.yaml).
    DecisionUnknownDataset = 2001,
    DecisionUnknownPurpose = 2002,
    DecisionBatchTooLarge = 2003,
    DecisionNotReady = 2004,
    DecisionInvalidRequest = 2005,
    CatalogInvalid = 2006,
    DecisionUnauthenticated = 2007,
    DecisionForbidden = 2008,
    ServerConfigurationInvalid = 2009,
    DecisionStateTooOld = 2010,

    // 2400-2499: request bodies at the decision transports (gRPC messages, REST bodies), before decoding.
    TransportMalformedMessage = 2401,
    TransportUnsupportedMediaType = 2402,
    TransportBodyTooLarge = 2403,

    // 3000-3099: the token service (OAuth 2.0 / OpenID Connect). Messages: ErrorMessages.For.
    // 3000-3009: configuration and key ring.
    TokenOptionsInvalid = 3001,
    KeyNoActiveSigner = 3002,
    KeyRecordInvalid = 3003,
    KeyAlgorithmUnsupported = 3004,
    KeyStoreConflict = 3005,

    // 3010-3029: client authentication at the token endpoint (RFC 6749 2.3, RFC 7523 3).
    ClientAuthenticationMissing = 3010,
    ClientAuthenticationMultipleMethods = 3011,
    ClientAuthenticationMalformed = 3012,
    ClientIdMismatch = 3013,
    ClientUnknown = 3014,
    ClientSecretInvalid = 3015,
    ClientAuthenticationMethodNotAllowed = 3016,
    ClientAssertionTypeUnsupported = 3017,
    ClientAssertionMalformed = 3018,
    ClientAssertionSignatureInvalid = 3019,
    ClientAssertionIssuerInvalid = 3020,
    ClientAssertionAudienceInvalid = 3021,
    ClientAssertionExpired = 3022,
    ClientAssertionLifetimeTooLong = 3023,
    ClientAssertionReplayed = 3024,
    ClientAssertionMissingClaim = 3025,
    ClientAssertionHeaderRejected = 3026,
    ClientAssertionNotYetValid = 3027,
    ClientRegistrationInvalid = 3028,

    // 3030-3049: the token request and its grants (RFC 6749 3.3, 4.4, 5.2; RFC 7636).
    TokenRequestDuplicateParameter = 3030,
    TokenRequestMissingParameter = 3031,
    TokenRequestInvalidParameter = 3032,
    GrantTypeUnsupported = 3033,
    GrantTypeNotAllowed = 3034,
    GrantRequiresConfidentialClient = 3035,
    ScopeMalformed = 3036,
    ScopeUnknown = 3037,
    ScopeNotAllowed = 3038,
    PkceVerifierMalformed = 3039,
    PkceVerifierMismatch = 3040,
    PkceMethodUnsupported = 3041,

    // 3060-3089: validation of our access tokens by an in-process resource server (RFC 9068 4, RFC 8725).
    AccessTokenMissing = 3060,
    AccessTokenMalformed = 3061,
    AccessTokenTooLarge = 3062,
    AccessTokenAlgorithmRejected = 3063,
    AccessTokenHeaderRejected = 3064,
    AccessTokenKeyUnknown = 3065,
    AccessTokenTypeInvalid = 3066,
    AccessTokenSignatureInvalid = 3067,
    AccessTokenIssuerInvalid = 3068,
    AccessTokenAudienceInvalid = 3069,
    AccessTokenExpired = 3070,
    AccessTokenNotYetValid = 3071,
    AccessTokenMissingClaim = 3072,
    AccessTokenClaimInvalid = 3073,
    AccessTokenRevoked = 3074,

    // 3090-3099: the token service's HTTP endpoints and storage.
    TokenEndpointContentTypeInvalid = 3090,
    TokenEndpointRateLimited = 3091,
    TokenStoreUnavailable = 3092,
    TokenStoreOptionsInvalid = 3093,

    // 3100-3119: refresh tokens (RFC 6749 6, RFC 9700 4.14) and token exchange (RFC 8693).
    RefreshTokenUnknown = 3100,
    RefreshTokenExpired = 3101,
    RefreshTokenRevoked = 3102,
    RefreshTokenReused = 3103,
    RefreshTokenClientMismatch = 3104,
    RefreshTokenScopeWidened = 3105,
    TokenExchangeSubjectTokenInvalid = 3110,
    TokenExchangeTokenTypeUnsupported = 3111,
    TokenExchangeActorTokenUnsupported = 3112,
    TokenExchangeScopeWidened = 3113,

    // 3120-3139: the authorization endpoint, codes and end-user sign-in (RFC 6749 4.1, RFC 7636, RFC 9700).
    AuthorizationRequestMalformed = 3120,
    AuthorizationClientUnknown = 3121,
    AuthorizationRedirectUriInvalid = 3122,
    AuthorizationResponseTypeUnsupported = 3123,
    AuthorizationPkceRequired = 3124,
    AuthorizationGrantNotAllowed = 3125,
    AuthorizationCodeInvalid = 3126,
    AuthorizationCodeReplayed = 3127,
    AuthorizationCodeClientMismatch = 3128,
    AuthorizationCodeRedirectMismatch = 3129,
    UserSignInFailed = 3130,
    UserRecordInvalid = 3131,

    // 3140-3159: sign-in sessions, prompt and max_age, consent, RP-initiated logout (OIDC Core 3.1.2.1,
    // OIDC RP-Initiated Logout 1.0).
    AuthorizationPromptInvalid = 3140,
    AuthorizationPromptUnsupported = 3141,
    AuthorizationMaxAgeInvalid = 3142,
    AuthorizationLoginRequired = 3143,
    AuthorizationConsentRequired = 3144,
    AuthorizationConsentDenied = 3145,
    AuthorizationFormInvalid = 3146,
    EndSessionRequestMalformed = 3150,
    EndSessionIdTokenHintInvalid = 3151,
    EndSessionClientUnknown = 3152,
    EndSessionClientMismatch = 3153,
    EndSessionRedirectUriInvalid = 3154,

    // 3160-3179: OpenID Connect userinfo (OIDC Core 5.3, RFC 6750) and token exchange targets and subjects (RFC 8693, RFC 8707).
    TokenExchangeSubjectNotUser = 3160,
    TokenExchangeSubjectNotOfficial = 3161,
    TokenExchangeTargetMalformed = 3162,
    TokenExchangeTargetNotAllowed = 3163,
    UserInfoScopeMissing = 3170,
    UserInfoSubjectNotUser = 3171,
    UserInfoUserUnknown = 3172,
    UserInfoTokenInQuery = 3173,
    UserInfoTokenMethodsMultiple = 3174,

    // 3180-3189: protection of the signing keys at rest (Data Protection key ring).
    KeyProtectionOptionsInvalid = 3180,
}
