using System.Text.Json;
using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Keys;
using GovAuthZ.Tokens.Tests.Fakes;
using GovAuthZ.Tokens.Validation;
using Microsoft.IdentityModel.Tokens;

namespace GovAuthZ.Tokens.Tests.Keys;

public sealed class SigningKeyRingStorageTests
{
    [Fact]
    public async Task InitializeAsync_WhenStoreHoldsKeys_SecondReplicaValidatesTokensOfTheFirst()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var token = fixture.IssueOfficialToken();
        using var replica = new SigningKeyRing(fixture.Options, fixture.Store, fixture.Protector, fixture.Time);

        await replica.InitializeAsync();
        var validator = new AccessTokenValidator(fixture.Options, replica, fixture.Revoked);

        Assert.True((await validator.ValidateAsync(token.Token)).IsValid);
        Assert.Single(replica.GetKeys());
    }

    [Fact]
    public async Task ReloadAsync_WhenAnotherReplicaRotated_PublishesItsKey()
    {
        using var fixture = await TokenFixture.CreateAsync();
        using var replica = new SigningKeyRing(fixture.Options, fixture.Store, fixture.Protector, fixture.Time);
        await replica.InitializeAsync();

        var kid = await replica.RotateAsync();
        Assert.DoesNotContain(fixture.Ring.GetJwks().Keys, k => k.KeyId == kid);
        await fixture.Ring.ReloadAsync();

        Assert.Contains(fixture.Ring.GetJwks().Keys, k => k.KeyId == kid);
    }

    [Fact]
    public async Task RotateAsync_WhenTwoReplicasRotateFromStaleViews_KeepsBothKeys()
    {
        using var fixture = await TokenFixture.CreateAsync();
        using var replica = new SigningKeyRing(fixture.Options, fixture.Store, fixture.Protector, fixture.Time);
        await replica.InitializeAsync();

        var first = await fixture.Ring.RotateAsync();
        var second = await replica.RotateAsync();

        var stored = (await fixture.Store.LoadAsync(default)).Records.Select(r => r.KeyId).ToList();
        Assert.Contains(first, stored);
        Assert.Contains(second, stored);
    }

    [Fact]
    public async Task TrySaveAsync_WhenVersionIsStale_StoresNothing()
    {
        var store = new InMemorySigningKeyStore();
        Assert.True(await store.TrySaveAsync(new SigningKeySet(1, []), 0, default));

        Assert.False(await store.TrySaveAsync(new SigningKeySet(2, []), 0, default));
        Assert.Equal(1, (await store.LoadAsync(default)).Version);
    }

    [Fact]
    public async Task Records_WhenStored_HoldOnlyProtectedPrivateKeys()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var record = Assert.Single((await fixture.Store.LoadAsync(default)).Records);
        var signer = (ECDsaSecurityKey)fixture.Ring.GetSigner(fixture.Time.GetUtcNow()).SecurityKey;

        var pkcs8 = signer.ECDsa.ExportPkcs8PrivateKey();

        Assert.False(record.ProtectedPrivateKey.AsSpan().IndexOf(pkcs8.AsSpan(pkcs8.Length - 32)) >= 0);
        Assert.Equal(pkcs8, fixture.Protector.Unprotect(record.ProtectedPrivateKey));
    }

    [Fact]
    public async Task InitializeAsync_WhenProtectedBytesTampered_ThrowsKeyRecordInvalid()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var set = await fixture.Store.LoadAsync(default);
        var record = set.Records[0];
        var bytes = (byte[])record.ProtectedPrivateKey.Clone();
        bytes[^1] ^= 1;
        await fixture.Store.TrySaveAsync(new SigningKeySet(set.Version + 1, [record with { ProtectedPrivateKey = bytes }]), set.Version, default);
        using var replica = new SigningKeyRing(fixture.Options, fixture.Store, fixture.Protector, fixture.Time);

        var ex = await Assert.ThrowsAsync<GovAuthZException>(() => replica.InitializeAsync());

        Assert.Equal(ErrorCode.KeyRecordInvalid, ex.Code);
    }

    [Fact]
    public async Task InitializeAsync_WhenKidDoesNotMatchKey_ThrowsKeyRecordInvalid()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var set = await fixture.Store.LoadAsync(default);
        await fixture.Store.TrySaveAsync(new SigningKeySet(set.Version + 1, [set.Records[0] with { KeyId = "chosen-by-attacker" }]), set.Version, default);
        using var replica = new SigningKeyRing(fixture.Options, fixture.Store, fixture.Protector, fixture.Time);

        var ex = await Assert.ThrowsAsync<GovAuthZException>(() => replica.InitializeAsync());

        Assert.Equal(ErrorCode.KeyRecordInvalid, ex.Code);
    }

    [Fact]
    public async Task InitializeAsync_WhenProtectorDiffers_ThrowsKeyRecordInvalid()
    {
        using var fixture = await TokenFixture.CreateAsync();
        using var otherProtector = new InMemoryKeyProtector();
        using var replica = new SigningKeyRing(fixture.Options, fixture.Store, otherProtector, fixture.Time);

        var ex = await Assert.ThrowsAsync<GovAuthZException>(() => replica.InitializeAsync());

        Assert.Equal(ErrorCode.KeyRecordInvalid, ex.Code);
    }

    [Theory]
    [InlineData(SigningAlgorithms.ES256)]
    [InlineData(SigningAlgorithms.RS256)]
    public async Task GetJwks_WhenSerialised_HasPublicMembersOnlyAndKidIsTheRfc7638Thumbprint(string algorithm)
    {
        using var fixture = await TokenFixture.CreateAsync(TokenFixture.DefaultOptions(algorithm));

        var json = JsonSerializer.Serialize(fixture.Ring.GetJwks());
        using var doc = JsonDocument.Parse(json);
        var key = doc.RootElement.GetProperty("keys")[0];
        var names = key.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();

        var expected = algorithm == SigningAlgorithms.ES256
            ? new[] { "alg", "crv", "kid", "kty", "use", "x", "y" }
            : ["alg", "e", "kid", "kty", "n", "use"];
        Assert.Equal(expected, names);
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.Equal(algorithm, key.GetProperty("alg").GetString());
        var independent = new JsonWebKey(key.GetRawText());
        Assert.Equal(Base64UrlEncoder.Encode(independent.ComputeJwkThumbprint()), key.GetProperty("kid").GetString());
    }

    [Fact]
    public void Validate_WhenRsaKeyShorterThan2048_Throws()
    {
        var options = TokenFixture.DefaultOptions(SigningAlgorithms.RS256);
        options.RsaKeySize = 1024;

        var ex = Assert.Throws<GovAuthZException>(options.Validate);

        Assert.Equal(ErrorCode.TokenOptionsInvalid, ex.Code);
    }

    [Theory]
    [InlineData("HS256")]
    [InlineData("none")]
    public void Validate_WhenSymmetricOrNoneAlgorithmConfigured_Throws(string algorithm)
    {
        var signing = TokenFixture.DefaultOptions();
        signing.SigningAlgorithm = algorithm;
        var accepted = TokenFixture.DefaultOptions();
        accepted.AcceptedAlgorithms = ["ES256", algorithm];

        Assert.Equal(ErrorCode.TokenOptionsInvalid, Assert.Throws<GovAuthZException>(signing.Validate).Code);
        Assert.Equal(ErrorCode.TokenOptionsInvalid, Assert.Throws<GovAuthZException>(accepted.Validate).Code);
    }

    [Theory]
    [InlineData("http://auth.example.gov")]
    [InlineData("https://auth.example.gov/?tenant=1")]
    [InlineData("auth.example.gov")]
    [InlineData("/auth")]
    [InlineData("file:///auth")]
    public void Validate_WhenIssuerNotAnHttpsUrlWithoutQuery_Throws(string issuer)
    {
        var options = TokenFixture.DefaultOptions();
        options.Issuer = issuer;

        Assert.Equal(ErrorCode.TokenOptionsInvalid, Assert.Throws<GovAuthZException>(options.Validate).Code);
    }
}
