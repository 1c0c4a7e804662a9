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

    // 2400-2499: request bodies at the decision transports (gRPC messages, REST bodies), before decoding.
    TransportMalformedMessage = 2401,
    TransportUnsupportedMediaType = 2402,
    TransportBodyTooLarge = 2403,
}
