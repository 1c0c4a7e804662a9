using System.Security.Cryptography;
using System.Text.Json.Nodes;
using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Clients;
using GovAuthZ.Tokens.Issuance;
using GovAuthZ.Tokens.Tests.Fakes;

namespace GovAuthZ.Tokens.Tests.Clients;

public sealed class ClientRegistrationTests
{
    [Fact]
    public void Hash_WhenVerified_MatchesOnlyTheSameSecretAndSaltsEachHash()
    {
        var secret = ClientSecretHasher.GenerateSecret();

        var first = ClientSecretHasher.Hash(secret);
        var second = ClientSecretHasher.Hash(secret);

        Assert.NotEqual(first, second);
        Assert.True(ClientSecretHasher.Verify(secret, first));
        Assert.True(ClientSecretHasher.Verify(secret, second));
        Assert.False(ClientSecretHasher.Verify(secret + "x", first));
        Assert.False(ClientSecretHasher.Verify(secret, "hmac-sha256$broken"));
        Assert.DoesNotContain(secret, first, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_WhenSecretTooShortForARandomValue_Throws()
    {
        Assert.Throws<ArgumentException>(() => ClientSecretHasher.Hash("hunter2"));
    }

    [Fact]
    public void Validate_WhenPublicClientHasSecret_Throws()
    {
        var client = new OAuthClient
        {
            ClientId = "spa",
            Type = ClientType.Public,
            AuthenticationMethods = [ClientAuthenticationMethods.None],
            SecretHashes = [ClientSecretHasher.Hash(ClientSecretHasher.GenerateSecret())],
        };

        AssertInvalid(client);
    }

    [Fact]
    public void Validate_WhenPublicClientAllowsClientCredentials_Throws()
    {
        AssertInvalid(new OAuthClient
        {
            ClientId = "spa",
            Type = ClientType.Public,
            AuthenticationMethods = [ClientAuthenticationMethods.None],
            GrantTypes = [GrantTypes.ClientCredentials],
        });
    }

    [Fact]
    public void Validate_WhenConfidentialClientAllowsNone_Throws()
    {
        AssertInvalid(new OAuthClient { ClientId = "c", AuthenticationMethods = [ClientAuthenticationMethods.None] });
    }

    [Fact]
    public void Validate_WhenPrivateKeyJwtWithoutJwks_Throws()
    {
        AssertInvalid(new OAuthClient { ClientId = "c", AuthenticationMethods = [ClientAuthenticationMethods.PrivateKeyJwt] });
    }

    [Fact]
    public void Validate_WhenSecretMethodWithoutHash_Throws()
    {
        AssertInvalid(new OAuthClient { ClientId = "c", AuthenticationMethods = [ClientAuthenticationMethods.ClientSecretBasic] });
    }

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("https://api.example.gov/#fragment")]
    [InlineData("not a uri:with colon")]
    public void Validate_WhenAudienceMalformed_Throws(string audience)
    {
        AssertInvalid(WithAudiences(audience));
    }

    [Fact]
    public void Validate_WhenAudiencesAreResourceUrisAndLogicalNames_Accepts()
    {
        var client = WithAudiences("https://api.example.gov/cases", "tax-service", "urn:govauthz:registry");

        client.Validate();

        Assert.True(client.AllowsAudience("tax-service"));
        Assert.False(client.AllowsAudience("TAX-SERVICE"));
    }

    [Fact]
    public void Validate_WhenDepartmentClientLacksDepartment_Throws()
    {
        AssertInvalid(new OAuthClient
        {
            ClientId = "d",
            Kind = ClientKind.Department,
            AuthenticationMethods = [ClientAuthenticationMethods.ClientSecretBasic],
            SecretHashes = [ClientSecretHasher.Hash(ClientSecretHasher.GenerateSecret())],
            DepartmentAttributes = new OfficialAttributes { Region = "320100" },
        });
    }

    [Fact]
    public void Parse_WhenJwkCarriesPrivateKey_Throws()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var jwks = JsonNode.Parse(ClientFixture.PublicJwks(key, "k"))!;
        jwks["keys"]![0]!["d"] = Convert.ToBase64String(key.ExportParameters(true).D!);

        Assert.Equal(ErrorCode.ClientRegistrationInvalid, Assert.Throws<GovAuthZException>(() => ClientKeySet.Parse(jwks.ToJsonString())).Code);
    }

    [Theory]
    [InlineData("""{"keys":[{"kty":"oct","k":"c2VjcmV0"}]}""")]
    [InlineData("""{"keys":[]}""")]
    [InlineData("""{"keys":[{"kty":"EC","crv":"P-256","x":"AAAA","y":"AAAA"}]}""")]
    [InlineData("""not json""")]
    public void Parse_WhenJwksUnusable_Throws(string jwks)
    {
        Assert.Equal(ErrorCode.ClientRegistrationInvalid, Assert.Throws<GovAuthZException>(() => ClientKeySet.Parse(jwks)).Code);
    }

    [Fact]
    public void Parse_WhenRsaKeyShorterThan2048_Throws()
    {
        using var rsa = RSA.Create(1024);
        var p = rsa.ExportParameters(false);
        var jwks = new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject { ["kty"] = "RSA", ["n"] = System.Buffers.Text.Base64Url.EncodeToString(p.Modulus), ["e"] = System.Buffers.Text.Base64Url.EncodeToString(p.Exponent) }),
        };

        Assert.Throws<GovAuthZException>(() => ClientKeySet.Parse(jwks.ToJsonString()));
    }

    private static void AssertInvalid(OAuthClient client) =>
        Assert.Equal(ErrorCode.ClientRegistrationInvalid, Assert.Throws<GovAuthZException>(client.Validate).Code);

    private static OAuthClient WithAudiences(params string[] audiences) => new()
    {
        ClientId = "exchanger",
        AuthenticationMethods = [ClientAuthenticationMethods.ClientSecretBasic],
        SecretHashes = [ClientSecretHasher.Hash(ClientSecretHasher.GenerateSecret())],
        GrantTypes = [GrantTypes.TokenExchange],
        Audiences = audiences,
    };
}
