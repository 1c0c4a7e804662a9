using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Errors;
using GovAuthZ.Tokens.Tests.Fakes;
using GovAuthZ.Tokens.Validation;

namespace GovAuthZ.Tokens.Tests.Validation;

public sealed class AccessTokenValidatorTests
{
    [Fact]
    public async Task ValidateAsync_WhenIssuedByUs_ReturnsEveryClaim()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var issued = fixture.IssueOfficialToken();

        var result = await fixture.Validator.ValidateAsync(issued.Token);

        Assert.True(result.IsValid, result.Error?.Description);
        var token = result.Token!;
        Assert.Equal("official:42", token.Subject);
        Assert.Equal("portal", token.ClientId);
        Assert.Equal(issued.TokenId, token.TokenId);
        Assert.Equal(["decision:check", "consent:read"], token.Scopes);
        Assert.True(token.HasScope("consent:read"));
        Assert.False(token.HasScope("consent:write"));
        Assert.Equal(issued.ExpiresAt, token.ExpiresAt);
        Assert.Equal(issued.IssuedAt, token.IssuedAt);
        Assert.Equal(fixture.Time.GetUtcNow().AddMinutes(-3).ToUnixTimeSeconds(), token.AuthTime!.Value.ToUnixTimeSeconds());
        Assert.Equal(issued.KeyId, token.KeyId);
        var official = token.Official!;
        Assert.Equal("civil-affairs", official.Department);
        Assert.Equal(["caseworker", "reviewer"], official.Roles);
        Assert.Equal(3, official.Level);
        Assert.Equal("320100", official.Region);
        Assert.Equal("important", official.Clearance);
    }

    [Fact]
    public async Task ValidateAsync_WhenForgedBaselineSignedWithOurKey_IsValid()
    {
        using var fixture = await TokenFixture.CreateAsync();

        var result = await fixture.Validator.ValidateAsync(ForgedTokens.Sign(fixture, ForgedTokens.Header(fixture), ForgedTokens.Payload(fixture)));

        Assert.True(result.IsValid, result.Error?.Description);
        Assert.Null(result.Token!.Official);
    }

    [Fact]
    public async Task ValidateAsync_WhenAlgNone_RejectsAlgorithm()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var header = ForgedTokens.Header(fixture);
        header["alg"] = "none";

        var result = await fixture.Validator.ValidateAsync(JwtForge.Unsigned(header, ForgedTokens.Payload(fixture)));

        Assert.False(result.IsValid);
        Assert.Contains(result.Code, new[] { ErrorCode.AccessTokenMalformed, ErrorCode.AccessTokenAlgorithmRejected });
    }

    [Fact]
    public async Task ValidateAsync_WhenAlgNoneWithSignaturePart_RejectsAlgorithm()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var header = ForgedTokens.Header(fixture);
        header["alg"] = "none";

        var token = JwtForge.Unsigned(header, ForgedTokens.Payload(fixture)) + "AAAA";
        var result = await fixture.Validator.ValidateAsync(token);

        Assert.Equal(ErrorCode.AccessTokenAlgorithmRejected, result.Code);
    }

    [Theory]
    [InlineData("jwk-json")]
    [InlineData("spki-der")]
    [InlineData("x-coordinate")]
    public async Task ValidateAsync_WhenHs256KeyedWithOurPublicKey_RejectsAlgorithm(string secretForm)
    {
        // RFC 8725 2.1: the classic confusion attack signs HS256 with the verifier's public key as secret.
        using var fixture = await TokenFixture.CreateAsync();
        var jwk = fixture.Ring.GetJwks().Keys[0];
        var signer = (Microsoft.IdentityModel.Tokens.ECDsaSecurityKey)fixture.Ring.GetSigner(fixture.Time.GetUtcNow()).SecurityKey;
        var secret = secretForm switch
        {
            "jwk-json" => Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(jwk)),
            "spki-der" => signer.ECDsa.ExportSubjectPublicKeyInfo(),
            _ => Encoding.ASCII.GetBytes(jwk.X!),
        };
        var header = ForgedTokens.Header(fixture);
        header["alg"] = "HS256";

        var result = await fixture.Validator.ValidateAsync(JwtForge.SignHs256(header, ForgedTokens.Payload(fixture), secret));

        Assert.Equal(ErrorCode.AccessTokenAlgorithmRejected, result.Code);
        Assert.Equal(OAuthErrors.InvalidToken, result.Error!.Value.Error);
        Assert.Equal(401, result.Error!.Value.HttpStatus);
    }

    [Fact]
    public async Task ValidateAsync_WhenAlgNotOnAllowList_RejectsAlgorithm()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var header = ForgedTokens.Header(fixture);
        header["alg"] = "ES384";

        var result = await fixture.Validator.ValidateAsync(ForgedTokens.Sign(fixture, header, ForgedTokens.Payload(fixture)));

        Assert.Equal(ErrorCode.AccessTokenAlgorithmRejected, result.Code);
    }

    [Fact]
    public async Task ValidateAsync_WhenAlgDiffersFromTheKeysAlgorithm_RejectsAlgorithm()
    {
        var options = TokenFixture.DefaultOptions();
        using var fixture = await TokenFixture.CreateAsync(options);
        var header = ForgedTokens.Header(fixture);
        header["alg"] = "RS256"; // allowed in general, but our kid names an ES256 key

        var result = await fixture.Validator.ValidateAsync(ForgedTokens.Sign(fixture, header, ForgedTokens.Payload(fixture)));

        Assert.Equal(ErrorCode.AccessTokenAlgorithmRejected, result.Code);
    }

    [Fact]
    public async Task ValidateAsync_WhenKidUnknown_RejectsKey()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var header = ForgedTokens.Header(fixture);
        header["kid"] = "not-our-key";

        var result = await fixture.Validator.ValidateAsync(ForgedTokens.Sign(fixture, header, ForgedTokens.Payload(fixture)));

        Assert.Equal(ErrorCode.AccessTokenKeyUnknown, result.Code);
    }

    [Fact]
    public async Task ValidateAsync_WhenKidMissing_RejectsKey()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var header = ForgedTokens.Header(fixture);
        header.Remove("kid");

        var result = await fixture.Validator.ValidateAsync(ForgedTokens.Sign(fixture, header, ForgedTokens.Payload(fixture)));

        Assert.Equal(ErrorCode.AccessTokenKeyUnknown, result.Code);
    }

    [Fact]
    public async Task ValidateAsync_WhenSignedByAttackerKeyUnderOurKid_RejectsSignature()
    {
        using var fixture = await TokenFixture.CreateAsync();
        using var attacker = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var token = JwtForge.SignEs256(ForgedTokens.Header(fixture), ForgedTokens.Payload(fixture), attacker);
        var result = await fixture.Validator.ValidateAsync(token);

        Assert.Equal(ErrorCode.AccessTokenSignatureInvalid, result.Code);
    }

    [Theory]
    [InlineData("jwk")]
    [InlineData("jku")]
    [InlineData("x5u")]
    [InlineData("x5c")]
    public async Task ValidateAsync_WhenHeaderCarriesOrPointsAtAKey_RejectsHeader(string parameter)
    {
        // The token is signed by an attacker key that the header embeds or points at; a verifier that
        // trusted the header would accept it. Ours never looks there and refuses the header outright.
        using var fixture = await TokenFixture.CreateAsync();
        using var attacker = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = attacker.ExportParameters(false);
        var header = ForgedTokens.Header(fixture);
        header[parameter] = parameter switch
        {
            "jwk" => new JsonObject { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = Convert.ToBase64String(p.Q.X!), ["y"] = Convert.ToBase64String(p.Q.Y!) },
            "x5c" => new JsonArray(Convert.ToBase64String(attacker.ExportSubjectPublicKeyInfo())),
            _ => "https://attacker.example/keys",
        };

        var result = await fixture.Validator.ValidateAsync(JwtForge.SignEs256(header, ForgedTokens.Payload(fixture), attacker));

        Assert.Equal(ErrorCode.AccessTokenHeaderRejected, result.Code);
    }

    [Fact]
    public async Task ValidateAsync_WhenCritPresent_RejectsHeader()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var header = ForgedTokens.Header(fixture);
        header["crit"] = new JsonArray("b64");
        header["b64"] = false;

        var result = await fixture.Validator.ValidateAsync(ForgedTokens.Sign(fixture, header, ForgedTokens.Payload(fixture)));

        Assert.Equal(ErrorCode.AccessTokenHeaderRejected, result.Code);
    }

    [Theory]
    [InlineData("JWT")]
    [InlineData("jwt")]
    [InlineData("application/jwt")]
    [InlineData(null)]
    public async Task ValidateAsync_WhenTypIsNotAccessTokenType_RejectsType(string? typ)
    {
        using var fixture = await TokenFixture.CreateAsync();
        var header = ForgedTokens.Header(fixture);
        if (typ is null)
        {
            header.Remove("typ");
        }
        else
        {
            header["typ"] = typ;
        }

        var result = await fixture.Validator.ValidateAsync(ForgedTokens.Sign(fixture, header, ForgedTokens.Payload(fixture)));

        Assert.Equal(ErrorCode.AccessTokenTypeInvalid, result.Code);
    }

    [Theory]
    [InlineData("application/at+jwt")]
    [InlineData("AT+JWT")]
    public async Task ValidateAsync_WhenTypIsLongFormOrOtherCase_Accepts(string typ)
    {
        using var fixture = await TokenFixture.CreateAsync();
        var header = ForgedTokens.Header(fixture);
        header["typ"] = typ;

        var result = await fixture.Validator.ValidateAsync(ForgedTokens.Sign(fixture, header, ForgedTokens.Payload(fixture)));

        Assert.True(result.IsValid, result.Error?.Description);
    }

    [Theory]
    [InlineData("https://evil.example.gov")]
    [InlineData("https://auth.example.gov/")]
    [InlineData("HTTPS://AUTH.EXAMPLE.GOV")]
    public async Task ValidateAsync_WhenIssuerDiffers_RejectsIssuer(string issuer)
    {
        using var fixture = await TokenFixture.CreateAsync();
        var payload = ForgedTokens.Payload(fixture);
        payload["iss"] = issuer;

        var result = await fixture.Validator.ValidateAsync(ForgedTokens.Sign(fixture, ForgedTokens.Header(fixture), payload));

        Assert.Equal(ErrorCode.AccessTokenIssuerInvalid, result.Code);
    }

    [Fact]
    public async Task ValidateAsync_WhenAudienceIsAnotherResource_RejectsAudience()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var payload = ForgedTokens.Payload(fixture);
        payload["aud"] = new JsonArray("billing", "reports");

        var result = await fixture.Validator.ValidateAsync(ForgedTokens.Sign(fixture, ForgedTokens.Header(fixture), payload));

        Assert.Equal(ErrorCode.AccessTokenAudienceInvalid, result.Code);
    }

    [Fact]
    public async Task ValidateAsync_WhenAudienceArrayIncludesUs_Accepts()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var payload = ForgedTokens.Payload(fixture);
        payload["aud"] = new JsonArray("billing", TokenFixture.Audience);

        var result = await fixture.Validator.ValidateAsync(ForgedTokens.Sign(fixture, ForgedTokens.Header(fixture), payload));

        Assert.True(result.IsValid, result.Error?.Description);
    }

    [Fact]
    public async Task ValidateAsync_WhenValidatorHasOtherAudience_RejectsOurDefaultAudienceToken()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var validator = new AccessTokenValidator(fixture.Options, fixture.Ring, fixture.Revoked, audience: "consent-api");

        var result = await validator.ValidateAsync(fixture.IssueOfficialToken().Token);

        Assert.Equal(ErrorCode.AccessTokenAudienceInvalid, result.Code);
    }
}
