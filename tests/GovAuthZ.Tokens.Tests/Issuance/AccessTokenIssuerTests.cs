using GovAuthZ.Tokens.Issuance;
using GovAuthZ.Tokens.Keys;
using GovAuthZ.Tokens.Tests.Fakes;

namespace GovAuthZ.Tokens.Tests.Issuance;

public sealed class AccessTokenIssuerTests
{
    [Fact]
    public async Task Issue_WhenOfficial_WritesRfc9068HeaderAndClaims()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var now = fixture.Time.GetUtcNow().ToUnixTimeSeconds();

        var issued = fixture.IssueOfficialToken();
        var (header, payload) = JwtForge.Decode(issued.Token);

        Assert.Equal("at+jwt", (string?)header["typ"]);
        Assert.Equal("ES256", (string?)header["alg"]);
        Assert.Equal(issued.KeyId, (string?)header["kid"]);
        Assert.Equal(TokenFixture.Issuer, (string?)payload["iss"]);
        Assert.Equal("official:42", (string?)payload["sub"]);
        Assert.Equal(TokenFixture.Audience, (string?)payload["aud"]);
        Assert.Equal(now, (long)payload["iat"]!);
        Assert.Equal(now + 600, (long)payload["exp"]!);
        Assert.Equal(issued.TokenId, (string?)payload["jti"]);
        Assert.Equal("portal", (string?)payload["client_id"]);
        Assert.Equal("decision:check consent:read", (string?)payload["scope"]);
        Assert.Equal(now - 180, (long)payload["auth_time"]!);
        Assert.Equal("civil-affairs", (string?)payload["department"]);
        Assert.Equal(["caseworker", "reviewer"], payload["roles"]!.AsArray().Select(r => (string?)r));
        Assert.Equal(System.Text.Json.JsonValueKind.Number, payload["level"]!.GetValueKind());
        Assert.Equal(3, (int)payload["level"]!);
        Assert.Equal(System.Text.Json.JsonValueKind.String, payload["region"]!.GetValueKind());
        Assert.Equal("320100", (string?)payload["region"]);
        Assert.Equal("important", (string?)payload["clearance"]);
        Assert.False(payload.ContainsKey("nbf"));
        Assert.Equal(600, issued.ExpiresIn);
    }

    [Fact]
    public async Task Issue_WhenClockIsBetweenWholeSeconds_SignsWithTheKeyJustCreated()
    {
        // Claim times are whole seconds; the key created at 08:00:00.7 must still sign at 08:00:00.7.
        using var fixture = await TokenFixture.CreateAsync(start: ManualTimeProvider.DefaultStart.AddMilliseconds(700));

        var issued = fixture.IssueOfficialToken();

        Assert.Equal(ManualTimeProvider.DefaultStart, issued.IssuedAt);
        Assert.True((await fixture.Validator.ValidateAsync(issued.Token)).IsValid);
    }

    [Fact]
    public async Task Issue_WhenTwoTokens_UsesDistinctUnguessableTokenIds()
    {
        using var fixture = await TokenFixture.CreateAsync();

        var first = fixture.IssueOfficialToken();
        var second = fixture.IssueOfficialToken();

        Assert.NotEqual(first.TokenId, second.TokenId);
        Assert.Equal(22, first.TokenId.Length); // 128 bits, base64url without padding
    }

    [Fact]
    public async Task Issue_WhenNoOfficialOrScopeOrAuthTime_LeavesThoseClaimsOut()
    {
        using var fixture = await TokenFixture.CreateAsync();

        var issued = fixture.AccessTokens.Issue(new AccessTokenDescriptor { Subject = "app-1", ClientId = "app-1" });
        var (_, payload) = JwtForge.Decode(issued.Token);

        foreach (var name in new[] { "scope", "auth_time", "department", "roles", "level", "region", "clearance" })
        {
            Assert.False(payload.ContainsKey(name), name);
        }
    }

    [Fact]
    public async Task Issue_WhenSeveralAudiences_WritesAudienceArray()
    {
        using var fixture = await TokenFixture.CreateAsync();

        var issued = fixture.AccessTokens.Issue(new AccessTokenDescriptor { Subject = "s", ClientId = "c", Audiences = ["a", "b"] });
        var (_, payload) = JwtForge.Decode(issued.Token);

        Assert.Equal(["a", "b"], payload["aud"]!.AsArray().Select(a => (string?)a));
    }

    [Theory]
    [InlineData(0, "320100", "core")]
    [InlineData(6, "320100", "core")]
    [InlineData(3, "32010", "core")]
    [InlineData(3, "32010a", "core")]
    [InlineData(3, "320100", "secret")]
    public async Task Issue_WhenOfficialAttributeMalformed_Throws(int level, string region, string clearance)
    {
        using var fixture = await TokenFixture.CreateAsync();
        var descriptor = new AccessTokenDescriptor
        {
            Subject = "s",
            ClientId = "c",
            Official = new OfficialAttributes { Department = "d", Level = level, Region = region, Clearance = clearance },
        };

        Assert.Throws<ArgumentException>(() => fixture.AccessTokens.Issue(descriptor));
    }

    [Fact]
    public async Task Issue_WhenEs256_SignatureVerifiesWithBclAloneFromTheJwks()
    {
        using var fixture = await TokenFixture.CreateAsync();

        var issued = fixture.IssueOfficialToken();
        var jwk = Assert.Single(fixture.Ring.GetJwks().Keys);

        Assert.Equal(issued.KeyId, jwk.KeyId);
        Assert.True(JwtForge.VerifyEs256(issued.Token, jwk.X!, jwk.Y!));
        var tampered = issued.Token.Replace(".ey", ".eX", StringComparison.Ordinal);
        Assert.False(JwtForge.VerifyEs256(tampered, jwk.X!, jwk.Y!));
    }

    [Fact]
    public async Task Issue_WhenRs256Configured_SignatureVerifiesWithBclAloneFromTheJwks()
    {
        using var fixture = await TokenFixture.CreateAsync(TokenFixture.DefaultOptions(SigningAlgorithms.RS256));

        var issued = fixture.IssueOfficialToken();
        var (header, _) = JwtForge.Decode(issued.Token);
        var jwk = Assert.Single(fixture.Ring.GetJwks().Keys);

        Assert.Equal("RS256", (string?)header["alg"]);
        Assert.Equal("RSA", jwk.KeyType);
        Assert.True(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(jwk.Modulus).Length >= 256);
        Assert.True(JwtForge.VerifyRs256(issued.Token, jwk.Modulus!, jwk.Exponent!));
    }
}

public sealed class IdTokenIssuerTests
{
    [Fact]
    public async Task Issue_WhenNonceGiven_WritesOidcCoreClaimsWithTypJwt()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var now = fixture.Time.GetUtcNow();

        var issued = fixture.IdTokens.Issue(new IdTokenDescriptor { Subject = "citizen-7", ClientId = "portal", AuthTime = now.AddMinutes(-1), Nonce = "n-0S6_WzA2Mj" });
        var (header, payload) = JwtForge.Decode(issued.Token);

        Assert.Equal("JWT", (string?)header["typ"]);
        Assert.Equal(TokenFixture.Issuer, (string?)payload["iss"]);
        Assert.Equal("citizen-7", (string?)payload["sub"]);
        Assert.Equal("portal", (string?)payload["aud"]);
        Assert.Equal("portal", (string?)payload["azp"]);
        Assert.Equal("n-0S6_WzA2Mj", (string?)payload["nonce"]);
        Assert.Equal(now.ToUnixTimeSeconds() - 60, (long)payload["auth_time"]!);
        Assert.Equal(now.ToUnixTimeSeconds() + 300, (long)payload["exp"]!);
        Assert.Equal(now.ToUnixTimeSeconds(), (long)payload["iat"]!);
    }

    [Fact]
    public async Task Issue_WhenIdTokenPresentedAsAccessToken_ValidatorRejectsType()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var options = TokenFixture.DefaultOptions();

        var issued = fixture.IdTokens.Issue(new IdTokenDescriptor { Subject = "citizen-7", ClientId = options.DefaultAudience, AuthTime = fixture.Time.GetUtcNow() });
        var result = await fixture.Validator.ValidateAsync(issued.Token);

        Assert.Equal(GovAuthZ.Core.Errors.ErrorCode.AccessTokenTypeInvalid, result.Code);
    }
}
