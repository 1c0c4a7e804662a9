using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using GovAuthZ.Tokens.Clients;
using GovAuthZ.Tokens.Issuance;

namespace GovAuthZ.Tokens.Tests.Fakes;

/// <summary>Registered clients of every kind, an authenticator over them and a manual clock.</summary>
public sealed class ClientFixture : IDisposable
{
    public const string SecretClientId = "reports";
    public const string OddClientId = "civil affairs/app+1";
    public const string PostOnlyClientId = "post-only";
    public const string KeyClientId = "signer";
    public const string PublicClientId = "portal-spa";
    public const string DepartmentClientId = "dept-civil-affairs";

    public ClientFixture()
    {
        Time = new ManualTimeProvider();
        Options = TokenFixture.DefaultOptions();
        Options.Validate();
        SigningKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Store = new InMemoryClientStore(
        [
            Confidential(SecretClientId, Secret, ClientAuthenticationMethods.ClientSecretBasic, ClientAuthenticationMethods.ClientSecretPost),
            Confidential(OddClientId, OddSecret, ClientAuthenticationMethods.ClientSecretBasic),
            Confidential(PostOnlyClientId, Secret, ClientAuthenticationMethods.ClientSecretPost),
            new OAuthClient
            {
                ClientId = KeyClientId,
                AuthenticationMethods = [ClientAuthenticationMethods.PrivateKeyJwt],
                Jwks = ClientKeySet.Parse(PublicJwks(SigningKey, "k1")),
                GrantTypes = [GrantTypes.ClientCredentials],
                Scopes = ["decision:check"],
            },
            new OAuthClient
            {
                ClientId = PublicClientId,
                Type = ClientType.Public,
                AuthenticationMethods = [ClientAuthenticationMethods.None],
                GrantTypes = [GrantTypes.AuthorizationCode],
                RedirectUris = ["https://portal.example.gov/callback"],
                Scopes = ["openid", "consent:read"],
            },
            new OAuthClient
            {
                ClientId = DepartmentClientId,
                Kind = ClientKind.Department,
                AuthenticationMethods = [ClientAuthenticationMethods.ClientSecretBasic],
                SecretHashes = [ClientSecretHasher.Hash(Secret)],
                GrantTypes = [GrantTypes.ClientCredentials],
                Scopes = ["decision:check", "decision:explain"],
                DepartmentAttributes = new OfficialAttributes { Department = "civil-affairs", Region = "320100", Level = 3 },
            },
        ]);
        ReplayCache = new InMemoryClientAssertionReplayCache(Time);
        Authenticator = new ClientAuthenticator(Options, Store, ReplayCache, Time);
    }

    /// <summary>A generated secret (43 characters of base64url).</summary>
    public static string Secret { get; } = ClientSecretHasher.GenerateSecret();

    /// <summary>A long secret with every character form encoding changes: ':', '%', '+', space, non-ASCII.</summary>
    public static string OddSecret => "pa:ss%word+with spaces/and ünïcode-0123456789";

    public ManualTimeProvider Time { get; }

    public TokenOptions Options { get; }

    public ECDsa SigningKey { get; }

    public InMemoryClientStore Store { get; }

    public InMemoryClientAssertionReplayCache ReplayCache { get; }

    public ClientAuthenticator Authenticator { get; }

    /// <summary>RFC 6749 2.3.1: each part form-urlencoded, then joined with ':' and base64-encoded.</summary>
    public static string BasicHeader(string clientId, string secret) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(WebUtility.UrlEncode(clientId) + ":" + WebUtility.UrlEncode(secret)));

    public static string RawBasicHeader(string joined) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(joined));

    public JsonObject AssertionPayload(string? jti = null)
    {
        var now = Time.GetUtcNow().ToUnixTimeSeconds();
        return new JsonObject
        {
            ["iss"] = KeyClientId,
            ["sub"] = KeyClientId,
            ["aud"] = TokenFixture.Issuer,
            ["jti"] = jti ?? Guid.NewGuid().ToString("N"),
            ["iat"] = now,
            ["exp"] = now + 60,
        };
    }

    public static JsonObject AssertionHeader(string? kid = "k1")
    {
        var header = new JsonObject { ["alg"] = "ES256", ["typ"] = "JWT" };
        if (kid is not null)
        {
            header["kid"] = kid;
        }

        return header;
    }

    public string Assertion(JsonObject? payload = null, JsonObject? header = null) =>
        JwtForge.SignEs256(header ?? AssertionHeader(), payload ?? AssertionPayload(), SigningKey);

    public static ClientCredentials AssertionCredentials(string assertion, string? clientId = null) => new()
    {
        ClientId = clientId,
        ClientAssertionType = ClientAuthenticationMethods.JwtBearerAssertionType,
        ClientAssertion = assertion,
    };

    public static string PublicJwks(ECDsa key, string? kid)
    {
        var p = key.ExportParameters(false);
        var jwk = new JsonObject { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = Base64Url.EncodeToString(p.Q.X), ["y"] = Base64Url.EncodeToString(p.Q.Y), ["use"] = "sig" };
        if (kid is not null)
        {
            jwk["kid"] = kid;
        }

        return new JsonObject { ["keys"] = new JsonArray(jwk) }.ToJsonString();
    }

    public void Dispose() => SigningKey.Dispose();

    private static OAuthClient Confidential(string id, string secret, params string[] methods) => new()
    {
        ClientId = id,
        AuthenticationMethods = methods,
        SecretHashes = [ClientSecretHasher.Hash(secret)],
        GrantTypes = [GrantTypes.ClientCredentials],
        Scopes = ["decision:check", "consent:read"],
    };
}
