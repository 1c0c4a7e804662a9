using System.Security.Cryptography;
using System.Text;
using GovAuthZ.Core.Errors;
using Microsoft.IdentityModel.Tokens;

namespace GovAuthZ.Tokens.Keys;

/// <summary>
/// Creates and loads key material. The kid is the RFC 7638 JWK thumbprint, so it is derived from the key
/// itself: a stored record whose kid does not match its key is refused as tampered or corrupt.
/// </summary>
internal static class SigningKeyMaterial
{
    public static SigningKeyRecord Create(string algorithm, int rsaKeySize, DateTimeOffset now, DateTimeOffset signingFrom, IKeyProtector protector)
    {
        byte[] pkcs8;
        string kid;
        if (algorithm == SigningAlgorithms.ES256)
        {
            using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            pkcs8 = ecdsa.ExportPkcs8PrivateKey();
            kid = Thumbprint(PublicJwk(ecdsa, "-"));
        }
        else if (algorithm == SigningAlgorithms.RS256)
        {
            using var rsa = RSA.Create(rsaKeySize);
            pkcs8 = rsa.ExportPkcs8PrivateKey();
            kid = Thumbprint(PublicJwk(rsa, "-"));
        }
        else
        {
            throw new GovAuthZException(ErrorCode.KeyAlgorithmUnsupported, $"cannot create a key for '{algorithm}'");
        }

        try
        {
            return new SigningKeyRecord(kid, algorithm, now, signingFrom, protector.Protect(pkcs8));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }

    /// <summary>Unprotects and imports a record; throws GAZ3003 when anything about it is wrong.</summary>
    public static (AsymmetricSecurityKey Key, JsonWebKeyDocument Jwk) Load(SigningKeyRecord record, IKeyProtector protector)
    {
        byte[] pkcs8;
        try
        {
            pkcs8 = protector.Unprotect(record.ProtectedPrivateKey);
        }
        catch (CryptographicException ex)
        {
            throw new GovAuthZException(ErrorCode.KeyRecordInvalid, $"key '{record.KeyId}' cannot be unprotected", SourceLocation.None, ex);
        }

        try
        {
            return record.Algorithm switch
            {
                SigningAlgorithms.ES256 => LoadEcdsa(record, pkcs8),
                SigningAlgorithms.RS256 => LoadRsa(record, pkcs8),
                _ => throw new GovAuthZException(ErrorCode.KeyRecordInvalid, $"key '{record.KeyId}' has unsupported algorithm '{record.Algorithm}'"),
            };
        }
        catch (CryptographicException ex)
        {
            throw new GovAuthZException(ErrorCode.KeyRecordInvalid, $"key '{record.KeyId}' is not a valid PKCS#8 key", SourceLocation.None, ex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }

    public static JsonWebKeyDocument PublicJwk(ECDsa ecdsa, string kid)
    {
        var p = ecdsa.ExportParameters(includePrivateParameters: false);
        return new JsonWebKeyDocument
        {
            KeyType = "EC",
            Algorithm = SigningAlgorithms.ES256,
            KeyId = kid,
            Curve = "P-256",
            X = Base64UrlEncoder.Encode(p.Q.X),
            Y = Base64UrlEncoder.Encode(p.Q.Y),
        };
    }

    public static JsonWebKeyDocument PublicJwk(RSA rsa, string kid)
    {
        var p = rsa.ExportParameters(includePrivateParameters: false);
        return new JsonWebKeyDocument
        {
            KeyType = "RSA",
            Algorithm = SigningAlgorithms.RS256,
            KeyId = kid,
            Modulus = Base64UrlEncoder.Encode(p.Modulus),
            Exponent = Base64UrlEncoder.Encode(p.Exponent),
        };
    }

    /// <summary>RFC 7638 section 3: SHA-256 over the required members in lexicographic order, no whitespace.</summary>
    public static string Thumbprint(JsonWebKeyDocument jwk)
    {
        var canonical = jwk.KeyType == "EC"
            ? $$"""{"crv":"{{jwk.Curve}}","kty":"EC","x":"{{jwk.X}}","y":"{{jwk.Y}}"}"""
            : $$"""{"e":"{{jwk.Exponent}}","kty":"RSA","n":"{{jwk.Modulus}}"}""";
        return Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static (AsymmetricSecurityKey, JsonWebKeyDocument) LoadEcdsa(SigningKeyRecord record, byte[] pkcs8)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(pkcs8, out _);
        var curve = ecdsa.ExportParameters(false).Curve;
        if (ecdsa.KeySize != 256 || !string.Equals(curve.Oid.Value, ECCurve.NamedCurves.nistP256.Oid.Value, StringComparison.Ordinal))
        {
            ecdsa.Dispose();
            throw new GovAuthZException(ErrorCode.KeyRecordInvalid, $"key '{record.KeyId}' is not a P-256 key");
        }

        return Finish(record, new ECDsaSecurityKey(ecdsa), PublicJwk(ecdsa, record.KeyId));
    }

    private static (AsymmetricSecurityKey, JsonWebKeyDocument) LoadRsa(SigningKeyRecord record, byte[] pkcs8)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(pkcs8, out _);
        if (rsa.KeySize < 2048)
        {
            rsa.Dispose();
            throw new GovAuthZException(ErrorCode.KeyRecordInvalid, $"key '{record.KeyId}' is shorter than 2048 bits");
        }

        return Finish(record, new RsaSecurityKey(rsa), PublicJwk(rsa, record.KeyId));
    }

    private static (AsymmetricSecurityKey, JsonWebKeyDocument) Finish(SigningKeyRecord record, AsymmetricSecurityKey key, JsonWebKeyDocument jwk)
    {
        if (!string.Equals(Thumbprint(jwk), record.KeyId, StringComparison.Ordinal))
        {
            throw new GovAuthZException(ErrorCode.KeyRecordInvalid, $"key '{record.KeyId}' does not match its kid");
        }

        key.KeyId = record.KeyId;
        return (key, jwk);
    }
}
