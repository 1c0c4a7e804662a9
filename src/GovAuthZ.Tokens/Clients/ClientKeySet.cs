using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using GovAuthZ.Core.Errors;
using Microsoft.IdentityModel.Tokens;

namespace GovAuthZ.Tokens.Clients;

/// <summary>
/// A client's registered public signing keys, parsed once at registration. Accepts EC (P-256, P-384,
/// P-521) and RSA (2048 bits or more) keys with use "sig" or no use; refuses symmetric keys and any JWK
/// that carries a private part, since a private key in a registration means it has leaked.
/// </summary>
public sealed class ClientKeySet
{
    private const int MaxKeys = 10;

    private ClientKeySet(IReadOnlyList<AsymmetricSecurityKey> keys)
    {
        Keys = keys;
    }

    public IReadOnlyList<AsymmetricSecurityKey> Keys { get; }

    /// <summary>Parses a JWKS document; throws <see cref="GovAuthZException"/> (GAZ3028) when it is unusable.</summary>
    public static ClientKeySet Parse(string jwksJson)
    {
        ArgumentNullException.ThrowIfNull(jwksJson);
        try
        {
            using var document = JsonDocument.Parse(jwksJson);
            if (!document.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array
                || keys.GetArrayLength() is 0 or > MaxKeys)
            {
                throw Invalid($"a JWKS needs a keys array of 1 to {MaxKeys} keys");
            }

            var result = new List<AsymmetricSecurityKey>();
            foreach (var jwk in keys.EnumerateArray())
            {
                result.Add(ParseKey(jwk));
            }

            return new ClientKeySet(result);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or CryptographicException or InvalidOperationException)
        {
            throw new GovAuthZException(ErrorCode.ClientRegistrationInvalid, "the client JWKS is malformed", SourceLocation.None, ex);
        }
    }

    /// <summary>Keys that may have signed a JWS with this alg and kid (all keys of the right type when no kid).</summary>
    internal SecurityKey[] Candidates(string alg, string? kid)
    {
        var result = new List<SecurityKey>(Keys.Count);
        foreach (var key in Keys)
        {
            var fits = key is ECDsaSecurityKey ? alg.StartsWith("ES", StringComparison.Ordinal) : alg.StartsWith("RS", StringComparison.Ordinal) || alg.StartsWith("PS", StringComparison.Ordinal);
            if (fits && (kid is null || string.Equals(kid, key.KeyId, StringComparison.Ordinal)))
            {
                result.Add(key);
            }
        }

        return [.. result];
    }

    private static AsymmetricSecurityKey ParseKey(JsonElement jwk)
    {
        if (jwk.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("each JWK must be an object");
        }

        foreach (var privateMember in new[] { "d", "p", "q", "dp", "dq", "qi", "k" })
        {
            if (jwk.TryGetProperty(privateMember, out _))
            {
                throw Invalid("a registered JWK must not contain private or symmetric key material");
            }
        }

        if (jwk.TryGetProperty("use", out var use) && use.GetString() != "sig")
        {
            throw Invalid("a registered JWK must have use sig");
        }

        AsymmetricSecurityKey key = Text(jwk, "kty") switch
        {
            "EC" => EcKey(jwk),
            "RSA" => RsaKey(jwk),
            _ => throw Invalid("kty must be EC or RSA"),
        };
        key.KeyId = jwk.TryGetProperty("kid", out var kid) ? kid.GetString() : null;
        return key;
    }

    private static ECDsaSecurityKey EcKey(JsonElement jwk)
    {
        var curve = Text(jwk, "crv") switch
        {
            "P-256" => ECCurve.NamedCurves.nistP256,
            "P-384" => ECCurve.NamedCurves.nistP384,
            "P-521" => ECCurve.NamedCurves.nistP521,
            _ => throw Invalid("crv must be P-256, P-384 or P-521"),
        };
        var parameters = new ECParameters { Curve = curve, Q = new ECPoint { X = Bytes(jwk, "x"), Y = Bytes(jwk, "y") } };
        var ecdsa = ECDsa.Create();
        ecdsa.ImportParameters(parameters); // validates that the point is on the curve
        return new ECDsaSecurityKey(ecdsa);
    }

    private static RsaSecurityKey RsaKey(JsonElement jwk)
    {
        var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters { Modulus = Bytes(jwk, "n"), Exponent = Bytes(jwk, "e") });
        if (rsa.KeySize < 2048)
        {
            rsa.Dispose();
            throw Invalid("RSA keys must have at least 2048 bits");
        }

        return new RsaSecurityKey(rsa);
    }

    private static string? Text(JsonElement jwk, string name) =>
        jwk.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static byte[] Bytes(JsonElement jwk, string name) =>
        Base64Url.DecodeFromChars(Text(jwk, name) ?? throw Invalid($"JWK member {name} is required"));

    private static GovAuthZException Invalid(string detail) => new(ErrorCode.ClientRegistrationInvalid, detail);
}
