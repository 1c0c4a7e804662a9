using System.Text.Json;
using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Discovery;
using GovAuthZ.Tokens.Tests.Fakes;

namespace GovAuthZ.Tokens.Tests.Discovery;

public sealed class DiscoveryDocumentBuilderTests
{
    private static readonly DiscoveryEndpoints Endpoints = new()
    {
        TokenEndpoint = "https://auth.example.gov/connect/token",
        JwksUri = "https://auth.example.gov/.well-known/jwks.json",
        AuthorizationEndpoint = "https://auth.example.gov/connect/authorize",
        RevocationEndpoint = "https://auth.example.gov/connect/revoke",
    };

    [Fact]
    public void Build_WhenSerialised_HasRfc8414AndOidcMembers()
    {
        var document = DiscoveryDocumentBuilder.Build(TokenFixture.DefaultOptions(), Endpoints, ["client_credentials", "authorization_code"]);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(document));
        var root = json.RootElement;
        Assert.Equal(TokenFixture.Issuer, root.GetProperty("issuer").GetString());
        Assert.Equal(Endpoints.TokenEndpoint, root.GetProperty("token_endpoint").GetString());
        Assert.Equal(Endpoints.JwksUri, root.GetProperty("jwks_uri").GetString());
        Assert.Equal(["S256"], Strings(root, "code_challenge_methods_supported"));
        Assert.Equal(["code"], Strings(root, "response_types_supported"));
        Assert.Equal(["authorization_code", "client_credentials"], Strings(root, "grant_types_supported"));
        Assert.Equal(["client_secret_basic", "client_secret_post", "private_key_jwt", "none"], Strings(root, "token_endpoint_auth_methods_supported"));
        Assert.Contains("ES256", Strings(root, "id_token_signing_alg_values_supported"));
        Assert.DoesNotContain("none", Strings(root, "id_token_signing_alg_values_supported"));
        Assert.DoesNotContain(Strings(root, "token_endpoint_auth_signing_alg_values_supported"), a => a.StartsWith("HS", StringComparison.Ordinal));
        Assert.Equal(["public"], Strings(root, "subject_types_supported"));
        Assert.True(root.GetProperty("authorization_response_iss_parameter_supported").GetBoolean());
        Assert.False(root.TryGetProperty("introspection_endpoint", out _));
        Assert.False(root.TryGetProperty("userinfo_endpoint", out _));
    }

    [Fact]
    public void Build_WhenNoAuthorizationEndpoint_OmitsPublicClientMethod()
    {
        var document = DiscoveryDocumentBuilder.Build(TokenFixture.DefaultOptions(), new DiscoveryEndpoints { TokenEndpoint = Endpoints.TokenEndpoint, JwksUri = Endpoints.JwksUri }, ["client_credentials"]);

        Assert.DoesNotContain("none", document.TokenEndpointAuthMethodsSupported);
        Assert.Null(document.AuthorizationEndpoint);
        Assert.False(document.AuthorizationResponseIssParameterSupported);
    }

    [Theory]
    [InlineData("http://auth.example.gov/token")]
    [InlineData("/connect/token")]
    public void Build_WhenEndpointNotAbsoluteHttps_Throws(string url)
    {
        var endpoints = new DiscoveryEndpoints { TokenEndpoint = url, JwksUri = Endpoints.JwksUri };

        var ex = Assert.Throws<GovAuthZException>(() => DiscoveryDocumentBuilder.Build(TokenFixture.DefaultOptions(), endpoints, []));

        Assert.Equal(ErrorCode.TokenOptionsInvalid, ex.Code);
    }

    private static string[] Strings(JsonElement root, string name) => root.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToArray();
}
