using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace GovAuthZ.Tokens.Tests.Fakes;

/// <summary>
/// Builds compact JWS by hand, independent of the library under test, so tests can craft exactly the
/// header and payload an attacker would.
/// </summary>
public static class JwtForge
{
    public static string Encode(JsonObject json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));

    public static string SignEs256(JsonObject header, JsonObject payload, ECDsa key)
    {
        var input = Encode(header) + "." + Encode(payload);
        var signature = key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return input + "." + Base64Url.EncodeToString(signature);
    }

    public static string SignRs256(JsonObject header, JsonObject payload, RSA key)
    {
        var input = Encode(header) + "." + Encode(payload);
        var signature = key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return input + "." + Base64Url.EncodeToString(signature);
    }

    public static string SignHs256(JsonObject header, JsonObject payload, byte[] secret)
    {
        var input = Encode(header) + "." + Encode(payload);
        return input + "." + Base64Url.EncodeToString(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(input)));
    }

    public static string Unsigned(JsonObject header, JsonObject payload) => Encode(header) + "." + Encode(payload) + ".";

    /// <summary>Splits a compact JWS into its decoded header and payload JSON.</summary>
    public static (JsonObject Header, JsonObject Payload) Decode(string token)
    {
        var parts = token.Split('.');
        return (Parse(parts[0]), Parse(parts[1]));
    }

    /// <summary>Verifies an ES256 JWS with the BCL alone, from the JWK coordinates.</summary>
    public static bool VerifyEs256(string token, string x, string y)
    {
        using var ecdsa = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64Url.DecodeFromChars(x), Y = Base64Url.DecodeFromChars(y) },
        });
        var lastDot = token.LastIndexOf('.');
        var signature = Base64Url.DecodeFromChars(token.AsSpan(lastDot + 1));
        return ecdsa.VerifyData(Encoding.ASCII.GetBytes(token[..lastDot]), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    public static bool VerifyRs256(string token, string n, string e)
    {
        using var rsa = RSA.Create(new RSAParameters { Modulus = Base64Url.DecodeFromChars(n), Exponent = Base64Url.DecodeFromChars(e) });
        var lastDot = token.LastIndexOf('.');
        var signature = Base64Url.DecodeFromChars(token.AsSpan(lastDot + 1));
        return rsa.VerifyData(Encoding.ASCII.GetBytes(token[..lastDot]), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    private static JsonObject Parse(string part) => JsonNode.Parse(Base64Url.DecodeFromChars(part))!.AsObject();
}
