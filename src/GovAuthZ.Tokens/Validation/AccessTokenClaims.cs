using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Issuance;
using Microsoft.IdentityModel.JsonWebTokens;

namespace GovAuthZ.Tokens.Validation;

/// <summary>
/// Claim checks of an access token whose signature is already verified (RFC 9068 section 4): iss, aud,
/// exp/nbf/iat against the caller's clock with skew, the claims RFC 9068 section 2.2 requires, and the
/// official's attributes, which must be well-formed when present.
/// </summary>
internal static class AccessTokenClaims
{
    public static ValidatedAccessToken? Read(JsonWebToken jwt, string keyId, string issuer, string? audience, DateTimeOffset now, TimeSpan skew, out ErrorCode error)
    {
        error = CheckIssuerAndAudience(jwt, issuer, audience, out var audiences);
        if (error != ErrorCode.None)
        {
            return null;
        }

        error = CheckTimes(jwt, now, skew, out var issuedAt, out var expiresAt);
        if (error != ErrorCode.None)
        {
            return null;
        }

        var subject = JwtClaimReader.String(jwt, TokenClaimNames.Subject);
        var clientId = JwtClaimReader.String(jwt, TokenClaimNames.ClientId);
        var tokenId = JwtClaimReader.String(jwt, TokenClaimNames.TokenId);
        if (subject is null || clientId is null || tokenId is null)
        {
            error = ErrorCode.AccessTokenMissingClaim;
            return null;
        }

        if (!TryReadScopes(jwt, out var scopes) || !TryReadAuthTime(jwt, out var authTime) || !TryReadOfficial(jwt, out var official))
        {
            error = ErrorCode.AccessTokenClaimInvalid;
            return null;
        }

        return new ValidatedAccessToken
        {
            Subject = subject,
            ClientId = clientId,
            TokenId = tokenId,
            Scopes = scopes,
            Audiences = audiences,
            IssuedAt = issuedAt,
            ExpiresAt = expiresAt,
            AuthTime = authTime,
            Official = official,
            KeyId = keyId,
        };
    }

    private static ErrorCode CheckIssuerAndAudience(JsonWebToken jwt, string issuer, string? audience, out IReadOnlyList<string> audiences)
    {
        audiences = [];
        if (!string.Equals(JwtClaimReader.String(jwt, TokenClaimNames.Issuer), issuer, StringComparison.Ordinal))
        {
            return ErrorCode.AccessTokenIssuerInvalid;
        }

        // A null audience (introspection and revocation at the issuer) accepts any, but one must be present.
        audiences = JwtClaimReader.Audiences(jwt);
        if (audience is null)
        {
            return audiences.Count > 0 ? ErrorCode.None : ErrorCode.AccessTokenMissingClaim;
        }

        return OrdinalList.Contains(audiences, audience) ? ErrorCode.None : ErrorCode.AccessTokenAudienceInvalid;
    }

    private static ErrorCode CheckTimes(JsonWebToken jwt, DateTimeOffset now, TimeSpan skew, out DateTimeOffset issuedAt, out DateTimeOffset expiresAt)
    {
        issuedAt = default;
        expiresAt = default;
        var exp = JwtClaimReader.Time(jwt, TokenClaimNames.Expires);
        var iat = JwtClaimReader.Time(jwt, TokenClaimNames.IssuedAt);
        if (exp is null || iat is null)
        {
            return ErrorCode.AccessTokenMissingClaim;
        }

        // RFC 7519 4.1.4: reject on or after exp; the skew absorbs clock differences between machines.
        if (now >= exp.Value + skew)
        {
            return ErrorCode.AccessTokenExpired;
        }

        var nbf = JwtClaimReader.Time(jwt, TokenClaimNames.NotBefore);
        if (JwtClaimReader.Has(jwt, TokenClaimNames.NotBefore) && nbf is null)
        {
            return ErrorCode.AccessTokenClaimInvalid;
        }

        if (now + skew < iat.Value || (nbf is not null && now + skew < nbf.Value))
        {
            return ErrorCode.AccessTokenNotYetValid;
        }

        issuedAt = iat.Value;
        expiresAt = exp.Value;
        return ErrorCode.None;
    }

    private static bool TryReadScopes(JsonWebToken jwt, out IReadOnlyList<string> scopes)
    {
        scopes = [];
        if (!JwtClaimReader.Has(jwt, TokenClaimNames.Scope))
        {
            return true;
        }

        var value = JwtClaimReader.String(jwt, TokenClaimNames.Scope);
        return value is not null && Grants.ScopeParser.TryParse(value, out scopes);
    }

    private static bool TryReadAuthTime(JsonWebToken jwt, out DateTimeOffset? authTime)
    {
        authTime = JwtClaimReader.Time(jwt, TokenClaimNames.AuthTime);
        return authTime is not null || !JwtClaimReader.Has(jwt, TokenClaimNames.AuthTime);
    }

    private static bool TryReadOfficial(JsonWebToken jwt, out OfficialAttributes? official)
    {
        official = null;
        var department = ReadOptionalString(jwt, TokenClaimNames.Department, out var ok1);
        var region = ReadOptionalString(jwt, TokenClaimNames.Region, out var ok2);
        var clearance = ReadOptionalString(jwt, TokenClaimNames.Clearance, out var ok3);
        var roles = ReadRoles(jwt, out var ok4);
        var level = ReadLevel(jwt, out var ok5);
        if (!(ok1 && ok2 && ok3 && ok4 && ok5))
        {
            return false;
        }

        var attributes = new OfficialAttributes { Department = department, Region = region, Clearance = clearance, Roles = roles, Level = level };
        if (attributes.IsEmpty)
        {
            return true;
        }

        official = attributes;
        return attributes.TryValidate(out _);
    }

    private static string? ReadOptionalString(JsonWebToken jwt, string name, out bool ok)
    {
        var value = JwtClaimReader.String(jwt, name);
        ok = value is not null || !JwtClaimReader.Has(jwt, name);
        return value;
    }

    private static string[] ReadRoles(JsonWebToken jwt, out bool ok)
    {
        var roles = JwtClaimReader.StringArray(jwt, TokenClaimNames.Roles);
        ok = roles is not null || !JwtClaimReader.Has(jwt, TokenClaimNames.Roles);
        return roles ?? [];
    }

    private static int? ReadLevel(JsonWebToken jwt, out bool ok)
    {
        var level = JwtClaimReader.Int32(jwt, TokenClaimNames.Level);
        ok = level is not null || !JwtClaimReader.Has(jwt, TokenClaimNames.Level);
        return level;
    }
}
