using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace GovAuthZ.Tokens.Tests.Fakes;

/// <summary>Hand-built tokens signed with the fixture's real active key, to test one rule at a time.</summary>
public static class ForgedTokens
{
    public static JsonObject Header(TokenFixture fixture) => new()
    {
        ["alg"] = "ES256",
        ["typ"] = "at+jwt",
        ["kid"] = ActiveKid(fixture),
    };

    public static JsonObject Payload(TokenFixture fixture)
    {
        var now = fixture.Time.GetUtcNow().ToUnixTimeSeconds();
        return new JsonObject
        {
            ["iss"] = TokenFixture.Issuer,
            ["sub"] = "official:42",
            ["aud"] = TokenFixture.Audience,
            ["exp"] = now + 600,
            ["iat"] = now,
            ["jti"] = "forged-jti-1",
            ["client_id"] = "portal",
            ["scope"] = "decision:check",
        };
    }

    public static string ActiveKid(TokenFixture fixture) => fixture.Ring.GetSigner(fixture.Time.GetUtcNow()).KeyId;

    public static string Sign(TokenFixture fixture, JsonObject header, JsonObject payload)
    {
        var key = (ECDsaSecurityKey)fixture.Ring.GetSigner(fixture.Time.GetUtcNow()).SecurityKey;
        return JwtForge.SignEs256(header, payload, key.ECDsa);
    }
}
