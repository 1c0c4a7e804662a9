using System.Text.Json.Serialization;

namespace GovAuthZ.Tokens.Keys;

/// <summary>
/// A public JWK as published (RFC 7517 section 4, RFC 7518 section 6). Holds public parameters only; no
/// member exists that could carry a private part.
/// </summary>
public sealed class JsonWebKeyDocument
{
    [JsonPropertyName("kty")]
    public required string KeyType { get; init; }

    [JsonPropertyName("use")]
    public string Use { get; init; } = "sig";

    [JsonPropertyName("alg")]
    public required string Algorithm { get; init; }

    [JsonPropertyName("kid")]
    public required string KeyId { get; init; }

    [JsonPropertyName("crv")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Curve { get; init; }

    [JsonPropertyName("x")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? X { get; init; }

    [JsonPropertyName("y")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Y { get; init; }

    [JsonPropertyName("n")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Modulus { get; init; }

    [JsonPropertyName("e")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Exponent { get; init; }
}

/// <summary>The JWKS document served at jwks_uri (RFC 7517 section 5).</summary>
public sealed class JsonWebKeySetDocument
{
    [JsonPropertyName("keys")]
    public required IReadOnlyList<JsonWebKeyDocument> Keys { get; init; }
}
