using System.Text.Json.Serialization;

namespace GovAuthZ.Tokens.Discovery;

/// <summary>
/// Authorization server metadata (RFC 8414 section 2) with the OpenID Connect Discovery members, served at
/// /.well-known/oauth-authorization-server and /.well-known/openid-configuration. The host serialises it.
/// </summary>
public sealed class DiscoveryDocument
{
    [JsonPropertyName("issuer")]
    public required string Issuer { get; init; }

    [JsonPropertyName("authorization_endpoint")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AuthorizationEndpoint { get; init; }

    [JsonPropertyName("token_endpoint")]
    public required string TokenEndpoint { get; init; }

    [JsonPropertyName("jwks_uri")]
    public required string JwksUri { get; init; }

    [JsonPropertyName("userinfo_endpoint")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? UserInfoEndpoint { get; init; }

    [JsonPropertyName("revocation_endpoint")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RevocationEndpoint { get; init; }

    [JsonPropertyName("introspection_endpoint")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? IntrospectionEndpoint { get; init; }

    /// <summary>OIDC RP-Initiated Logout 1.0 section 2.1.</summary>
    [JsonPropertyName("end_session_endpoint")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? EndSessionEndpoint { get; init; }

    [JsonPropertyName("scopes_supported")]
    public required IReadOnlyList<string> ScopesSupported { get; init; }

    [JsonPropertyName("response_types_supported")]
    public required IReadOnlyList<string> ResponseTypesSupported { get; init; }

    [JsonPropertyName("response_modes_supported")]
    public required IReadOnlyList<string> ResponseModesSupported { get; init; }

    [JsonPropertyName("grant_types_supported")]
    public required IReadOnlyList<string> GrantTypesSupported { get; init; }

    [JsonPropertyName("token_endpoint_auth_methods_supported")]
    public required IReadOnlyList<string> TokenEndpointAuthMethodsSupported { get; init; }

    [JsonPropertyName("token_endpoint_auth_signing_alg_values_supported")]
    public required IReadOnlyList<string> TokenEndpointAuthSigningAlgValuesSupported { get; init; }

    [JsonPropertyName("revocation_endpoint_auth_methods_supported")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? RevocationEndpointAuthMethodsSupported { get; init; }

    [JsonPropertyName("introspection_endpoint_auth_methods_supported")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? IntrospectionEndpointAuthMethodsSupported { get; init; }

    [JsonPropertyName("code_challenge_methods_supported")]
    public required IReadOnlyList<string> CodeChallengeMethodsSupported { get; init; }

    [JsonPropertyName("id_token_signing_alg_values_supported")]
    public required IReadOnlyList<string> IdTokenSigningAlgValuesSupported { get; init; }

    [JsonPropertyName("subject_types_supported")]
    public required IReadOnlyList<string> SubjectTypesSupported { get; init; }

    [JsonPropertyName("claims_supported")]
    public required IReadOnlyList<string> ClaimsSupported { get; init; }

    /// <summary>RFC 9207: the authorization response carries iss, a defence against mix-up attacks.</summary>
    [JsonPropertyName("authorization_response_iss_parameter_supported")]
    public bool AuthorizationResponseIssParameterSupported { get; init; }
}

/// <summary>The absolute URLs of the endpoints the host serves; absent ones are left out of the metadata.</summary>
public sealed class DiscoveryEndpoints
{
    public required string TokenEndpoint { get; init; }

    public required string JwksUri { get; init; }

    public string? AuthorizationEndpoint { get; init; }

    public string? UserInfoEndpoint { get; init; }

    public string? RevocationEndpoint { get; init; }

    public string? IntrospectionEndpoint { get; init; }

    public string? EndSessionEndpoint { get; init; }
}
