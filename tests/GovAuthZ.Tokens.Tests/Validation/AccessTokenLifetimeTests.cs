using System.Text.Json.Nodes;
using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Tests.Fakes;

namespace GovAuthZ.Tokens.Tests.Validation;

public sealed class AccessTokenLifetimeTests
{
    [Fact]
    public async Task ValidateAsync_WhenJustBeforeExpiryPlusSkew_Accepts()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var issued = fixture.IssueOfficialToken();

        fixture.Time.Set(issued.ExpiresAt + fixture.Options.ClockSkew - TimeSpan.FromSeconds(1));
        var result = await fixture.Validator.ValidateAsync(issued.Token);

        Assert.True(result.IsValid, result.Error?.Description);
    }

    [Fact]
    public async Task ValidateAsync_WhenAtExpiryPlusSkew_RejectsExpired()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var issued = fixture.IssueOfficialToken();

        fixture.Time.Set(issued.ExpiresAt + fixture.Options.ClockSkew);
        var result = await fixture.Validator.ValidateAsync(issued.Token);

        Assert.Equal(ErrorCode.AccessTokenExpired, result.Code);
    }

    [Fact]
    public async Task ValidateAsync_WhenIssuedAtBeyondSkewInTheFuture_RejectsNotYetValid()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var payload = ForgedTokens.Payload(fixture);
        payload["iat"] = fixture.Time.GetUtcNow().AddSeconds(31).ToUnixTimeSeconds();

        var result = await fixture.Validator.ValidateAsync(ForgedTokens.Sign(fixture, ForgedTokens.Header(fixture), payload));

        Assert.Equal(ErrorCode.AccessTokenNotYetValid, result.Code);
    }

    [Fact]
    public async Task ValidateAsync_WhenNotBeforeWithinSkew_Accepts()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var payload = ForgedTokens.Payload(fixture);
        payload["nbf"] = fixture.Time.GetUtcNow().AddSeconds(30).ToUnixTimeSeconds();

        var result = await fixture.Validator.ValidateAsync(ForgedTokens.Sign(fixture, ForgedTokens.Header(fixture), payload));

        Assert.True(result.IsValid, result.Error?.Description);
    }

    [Fact]
    public async Task ValidateAsync_WhenNotBeforeBeyondSkew_RejectsNotYetValid()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var payload = ForgedTokens.Payload(fixture);
        payload["nbf"] = fixture.Time.GetUtcNow().AddSeconds(31).ToUnixTimeSeconds();

        var result = await fixture.Validator.ValidateAsync(ForgedTokens.Sign(fixture, ForgedTokens.Header(fixture), payload));

        Assert.Equal(ErrorCode.AccessTokenNotYetValid, result.Code);
    }

    [Theory]
    [InlineData("exp")]
    [InlineData("iat")]
    [InlineData("jti")]
    [InlineData("sub")]
    [InlineData("client_id")]
    public async Task ValidateAsync_WhenRequiredClaimMissing_RejectsMissingClaim(string claim)
    {
        using var fixture = await TokenFixture.CreateAsync();
        var payload = ForgedTokens.Payload(fixture);
        payload.Remove(claim);

        var result = await fixture.Validator.ValidateAsync(ForgedTokens.Sign(fixture, ForgedTokens.Header(fixture), payload));

        Assert.Equal(ErrorCode.AccessTokenMissingClaim, result.Code);
    }

    [Fact]
    public async Task ValidateAsync_WhenExpIsNotANumber_Rejects()
    {
        // The library reads exp itself while parsing; a non-numeric exp fails there or in our typed read.
        using var fixture = await TokenFixture.CreateAsync();
        var payload = ForgedTokens.Payload(fixture);
        payload["exp"] = "next tuesday";

        var result = await fixture.Validator.ValidateAsync(ForgedTokens.Sign(fixture, ForgedTokens.Header(fixture), payload));

        Assert.False(result.IsValid);
        Assert.Contains(result.Code, new[] { ErrorCode.AccessTokenMalformed, ErrorCode.AccessTokenMissingClaim });
    }

    [Theory]
    [InlineData("level", "3")]
    [InlineData("level", 9)]
    [InlineData("region", 320100)]
    [InlineData("region", "3201")]
    [InlineData("clearance", "topsecret")]
    [InlineData("roles", "caseworker")]
    [InlineData("scope", "a  b")]
    public async Task ValidateAsync_WhenOfficialClaimMalformed_RejectsClaim(string claim, object value)
    {
        using var fixture = await TokenFixture.CreateAsync();
        var payload = ForgedTokens.Payload(fixture);
        payload["department"] = "civil-affairs";
        payload[claim] = JsonValue.Create(value);

        var result = await fixture.Validator.ValidateAsync(ForgedTokens.Sign(fixture, ForgedTokens.Header(fixture), payload));

        Assert.Equal(ErrorCode.AccessTokenClaimInvalid, result.Code);
    }

    [Fact]
    public async Task ValidateAsync_WhenJtiRevoked_RejectsRevoked()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var issued = fixture.IssueOfficialToken();
        var other = fixture.IssueOfficialToken();

        fixture.Revoked.Revoke(issued.TokenId, issued.ExpiresAt);

        Assert.Equal(ErrorCode.AccessTokenRevoked, (await fixture.Validator.ValidateAsync(issued.Token)).Code);
        Assert.True((await fixture.Validator.ValidateAsync(other.Token)).IsValid);
    }

    [Fact]
    public async Task Prune_WhenRevokedTokenExpired_DropsIt()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var issued = fixture.IssueOfficialToken();
        fixture.Revoked.Revoke(issued.TokenId, issued.ExpiresAt);

        fixture.Revoked.Prune();
        Assert.Equal(1, fixture.Revoked.Count);
        fixture.Time.Set(issued.ExpiresAt);
        fixture.Revoked.Prune();

        Assert.Equal(0, fixture.Revoked.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task ValidateAsync_WhenNoToken_RejectsMissing(string? token)
    {
        using var fixture = await TokenFixture.CreateAsync();

        Assert.Equal(ErrorCode.AccessTokenMissing, (await fixture.Validator.ValidateAsync(token)).Code);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b")]
    [InlineData("eyJhbGciOiJFUzI1NiJ9.!!!.sig")]
    [InlineData("a.b.c.d.e")]
    public async Task ValidateAsync_WhenGarbage_RejectsMalformed(string token)
    {
        using var fixture = await TokenFixture.CreateAsync();

        Assert.Equal(ErrorCode.AccessTokenMalformed, (await fixture.Validator.ValidateAsync(token)).Code);
    }

    [Fact]
    public async Task ValidateAsync_WhenLongerThanLimit_RejectsBeforeParsing()
    {
        using var fixture = await TokenFixture.CreateAsync();

        var result = await fixture.Validator.ValidateAsync(new string('a', fixture.Options.MaxTokenLength + 1));

        Assert.Equal(ErrorCode.AccessTokenTooLarge, result.Code);
    }

    [Fact]
    public async Task ValidateAsync_WhenManyCallersAtOnce_EveryResultIsCorrect()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var good = fixture.IssueOfficialToken().Token;
        var bad = good[..^4] + (good[^4] == 'A' ? "BBBB" : "AAAA");

        var tasks = Enumerable.Range(0, 64).Select(i => Task.Run(async () =>
            (i % 2 == 0, (await fixture.Validator.ValidateAsync(i % 2 == 0 ? good : bad)).IsValid))).ToArray();
        var outcomes = await Task.WhenAll(tasks);

        Assert.All(outcomes, o => Assert.Equal(o.Item1, o.Item2));
    }

    [Fact]
    public async Task ValidateAsync_WhileKeysRotate_TokensOfEveryPublishedSignerStayValid()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var token = fixture.IssueOfficialToken().Token;

        var validations = Enumerable.Range(0, 48).Select(_ => Task.Run(async () => (await fixture.Validator.ValidateAsync(token)).IsValid)).ToArray();
        for (var i = 0; i < 4; i++)
        {
            await fixture.Ring.RotateAsync();
        }

        Assert.All(await Task.WhenAll(validations), Assert.True);
        Assert.Equal(5, fixture.Ring.GetJwks().Keys.Count);
    }
}
