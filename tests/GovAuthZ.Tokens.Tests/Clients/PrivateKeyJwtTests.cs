using System.Security.Cryptography;
using System.Text.Json.Nodes;
using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Clients;
using GovAuthZ.Tokens.Errors;
using GovAuthZ.Tokens.Tests.Fakes;

namespace GovAuthZ.Tokens.Tests.Clients;

public sealed class PrivateKeyJwtTests
{
    [Fact]
    public async Task AuthenticateAsync_WhenAssertionValid_Succeeds()
    {
        using var f = new ClientFixture();

        var result = await f.Authenticator.AuthenticateAsync(ClientFixture.AssertionCredentials(f.Assertion(), ClientFixture.KeyClientId));

        Assert.True(result.Succeeded, result.Error?.Description);
        Assert.Equal(ClientAuthenticationMethods.PrivateKeyJwt, result.Method);
        Assert.Equal(ClientFixture.KeyClientId, result.Client!.ClientId);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenAssertionHasNoKid_TriesTheRegisteredKeys()
    {
        using var f = new ClientFixture();

        var result = await f.Authenticator.AuthenticateAsync(ClientFixture.AssertionCredentials(f.Assertion(header: ClientFixture.AssertionHeader(kid: null))));

        Assert.True(result.Succeeded, result.Error?.Description);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenAssertionReplayed_FailsSecondTime()
    {
        using var f = new ClientFixture();
        var assertion = f.Assertion();

        var first = await f.Authenticator.AuthenticateAsync(ClientFixture.AssertionCredentials(assertion));
        var second = await f.Authenticator.AuthenticateAsync(ClientFixture.AssertionCredentials(assertion));

        Assert.True(first.Succeeded);
        Assert.Equal(ErrorCode.ClientAssertionReplayed, second.Code);
        Assert.Equal(OAuthErrors.InvalidClient, second.Error!.Value.Error);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenNewAssertionReusesJti_FailsAsReplay()
    {
        using var f = new ClientFixture();
        Assert.True((await f.Authenticator.AuthenticateAsync(ClientFixture.AssertionCredentials(f.Assertion(f.AssertionPayload("same"))))).Succeeded);

        f.Time.Advance(TimeSpan.FromSeconds(10));
        var again = await f.Authenticator.AuthenticateAsync(ClientFixture.AssertionCredentials(f.Assertion(f.AssertionPayload("same"))));

        Assert.Equal(ErrorCode.ClientAssertionReplayed, again.Code);
    }

    [Theory]
    [InlineData("https://auth.example.gov/connect/token")]
    [InlineData("https://other-as.example.gov")]
    [InlineData("https://auth.example.gov/")]
    public async Task AuthenticateAsync_WhenAudIsNotOurIssuer_Fails(string audience)
    {
        using var f = new ClientFixture();
        var payload = f.AssertionPayload();
        payload["aud"] = audience;

        var result = await f.Authenticator.AuthenticateAsync(ClientFixture.AssertionCredentials(f.Assertion(payload)));

        Assert.Equal(ErrorCode.ClientAssertionAudienceInvalid, result.Code);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenAudIsAListIncludingUs_Fails()
    {
        using var f = new ClientFixture();
        var payload = f.AssertionPayload();
        payload["aud"] = new JsonArray(TokenFixture.Issuer, "https://other-as.example.gov");

        var result = await f.Authenticator.AuthenticateAsync(ClientFixture.AssertionCredentials(f.Assertion(payload)));

        Assert.Equal(ErrorCode.ClientAssertionAudienceInvalid, result.Code);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenSubDiffersFromIss_Fails()
    {
        using var f = new ClientFixture();
        var payload = f.AssertionPayload();
        payload["sub"] = "someone-else";

        var result = await f.Authenticator.AuthenticateAsync(ClientFixture.AssertionCredentials(f.Assertion(payload)));

        Assert.Equal(ErrorCode.ClientAssertionIssuerInvalid, result.Code);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenFormClientIdDiffersFromIss_FailsWithInvalidRequest()
    {
        using var f = new ClientFixture();

        var result = await f.Authenticator.AuthenticateAsync(ClientFixture.AssertionCredentials(f.Assertion(), ClientFixture.SecretClientId));

        Assert.Equal(ErrorCode.ClientIdMismatch, result.Code);
        Assert.Equal(OAuthErrors.InvalidRequest, result.Error!.Value.Error);
    }

    [Theory]
    [InlineData("exp", ErrorCode.ClientAssertionMissingClaim)]
    [InlineData("jti", ErrorCode.ClientAssertionMissingClaim)]
    [InlineData("iss", ErrorCode.ClientAssertionIssuerInvalid)]
    public async Task AuthenticateAsync_WhenRequiredClaimMissing_Fails(string claim, ErrorCode expected)
    {
        using var f = new ClientFixture();
        var payload = f.AssertionPayload();
        payload.Remove(claim);

        var result = await f.Authenticator.AuthenticateAsync(ClientFixture.AssertionCredentials(f.Assertion(payload)));

        Assert.Equal(expected, result.Code);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenExpFarInTheFuture_FailsLifetimeTooLong()
    {
        using var f = new ClientFixture();
        var payload = f.AssertionPayload();
        payload.Remove("iat");
        payload["exp"] = f.Time.GetUtcNow().AddHours(1).ToUnixTimeSeconds();

        var result = await f.Authenticator.AuthenticateAsync(ClientFixture.AssertionCredentials(f.Assertion(payload)));

        Assert.Equal(ErrorCode.ClientAssertionLifetimeTooLong, result.Code);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenExpired_Fails()
    {
        using var f = new ClientFixture();
        var assertion = f.Assertion();

        f.Time.Advance(TimeSpan.FromSeconds(90));
        var result = await f.Authenticator.AuthenticateAsync(ClientFixture.AssertionCredentials(assertion));

        Assert.Equal(ErrorCode.ClientAssertionExpired, result.Code);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenIssuedInTheFuture_Fails()
    {
        using var f = new ClientFixture();
        var payload = f.AssertionPayload();
        payload["iat"] = f.Time.GetUtcNow().AddMinutes(2).ToUnixTimeSeconds();
        payload["exp"] = f.Time.GetUtcNow().AddMinutes(3).ToUnixTimeSeconds();

        var result = await f.Authenticator.AuthenticateAsync(ClientFixture.AssertionCredentials(f.Assertion(payload)));

        Assert.Equal(ErrorCode.ClientAssertionNotYetValid, result.Code);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenSignedByUnregisteredKey_Fails()
    {
        using var f = new ClientFixture();
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var assertion = JwtForge.SignEs256(ClientFixture.AssertionHeader(), f.AssertionPayload(), other);
        var result = await f.Authenticator.AuthenticateAsync(ClientFixture.AssertionCredentials(assertion));

        Assert.Equal(ErrorCode.ClientAssertionSignatureInvalid, result.Code);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenHeaderEmbedsTheSigningKey_FailsWithoutTrustingIt()
    {
        using var f = new ClientFixture();
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var header = ClientFixture.AssertionHeader();
        header["jwk"] = JsonNode.Parse(ClientFixture.PublicJwks(other, "k1"))!["keys"]![0]!.DeepClone();

        var result = await f.Authenticator.AuthenticateAsync(ClientFixture.AssertionCredentials(JwtForge.SignEs256(header, f.AssertionPayload(), other)));

        Assert.Equal(ErrorCode.ClientAssertionHeaderRejected, result.Code);
    }

    [Theory]
    [InlineData("HS256")]
    [InlineData("none")]
    public async Task AuthenticateAsync_WhenSymmetricOrNoneAlg_Fails(string alg)
    {
        using var f = new ClientFixture();
        var header = ClientFixture.AssertionHeader();
        header["alg"] = alg;

        var assertion = alg == "none" ? JwtForge.Unsigned(header, f.AssertionPayload()) + "x" : JwtForge.SignHs256(header, f.AssertionPayload(), new byte[32]);
        var result = await f.Authenticator.AuthenticateAsync(ClientFixture.AssertionCredentials(assertion));

        Assert.Equal(ErrorCode.ClientAssertionHeaderRejected, result.Code);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenAssertionTypeUnknown_Fails()
    {
        using var f = new ClientFixture();
        var credentials = ClientFixture.AssertionCredentials(f.Assertion()) with { ClientAssertionType = "urn:ietf:params:oauth:client-assertion-type:saml2-bearer" };

        Assert.Equal(ErrorCode.ClientAssertionTypeUnsupported, (await f.Authenticator.AuthenticateAsync(credentials)).Code);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenSecretClientSendsAssertion_FailsMethodNotAllowed()
    {
        using var f = new ClientFixture();
        var payload = f.AssertionPayload();
        payload["iss"] = ClientFixture.SecretClientId;
        payload["sub"] = ClientFixture.SecretClientId;

        var result = await f.Authenticator.AuthenticateAsync(ClientFixture.AssertionCredentials(f.Assertion(payload)));

        Assert.Equal(ErrorCode.ClientAuthenticationMethodNotAllowed, result.Code);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenRejectedAssertionCarriedAJti_DoesNotBurnIt()
    {
        using var f = new ClientFixture();
        var bad = f.AssertionPayload("j-1");
        bad["aud"] = "https://other-as.example.gov";
        Assert.False((await f.Authenticator.AuthenticateAsync(ClientFixture.AssertionCredentials(f.Assertion(bad)))).Succeeded);

        var good = await f.Authenticator.AuthenticateAsync(ClientFixture.AssertionCredentials(f.Assertion(f.AssertionPayload("j-1"))));

        Assert.True(good.Succeeded);
    }
}

public sealed class ReplayCacheTests
{
    [Fact]
    public async Task TryAddAsync_WhenEntryExpired_AcceptsTheJtiAgainAndSweepDropsIt()
    {
        var time = new ManualTimeProvider();
        var cache = new InMemoryClientAssertionReplayCache(time);
        var expires = time.GetUtcNow().AddMinutes(1);

        Assert.True(await cache.TryAddAsync("c", "j", expires, default));
        Assert.False(await cache.TryAddAsync("c", "j", expires, default));
        Assert.True(await cache.TryAddAsync("other-client", "j", expires, default));

        time.Set(expires);
        Assert.True(await cache.TryAddAsync("c", "j", expires.AddMinutes(1), default));
        cache.Sweep(expires.AddMinutes(2));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task TryAddAsync_WhenFullOfLiveEntries_FailsClosed()
    {
        var time = new ManualTimeProvider();
        var cache = new InMemoryClientAssertionReplayCache(time, capacity: 2);
        var expires = time.GetUtcNow().AddMinutes(1);
        await cache.TryAddAsync("c", "1", expires, default);
        await cache.TryAddAsync("c", "2", expires, default);

        Assert.False(await cache.TryAddAsync("c", "3", expires, default));
        time.Set(expires);
        Assert.True(await cache.TryAddAsync("c", "3", expires.AddMinutes(1), default));
    }
}
