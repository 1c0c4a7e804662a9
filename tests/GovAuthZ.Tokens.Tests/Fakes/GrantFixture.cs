using GovAuthZ.Tokens.Clients;
using GovAuthZ.Tokens.Grants;
using GovAuthZ.Tokens.Issuance;
using GovAuthZ.Tokens.Refresh;
using GovAuthZ.Tokens.Validation;

namespace GovAuthZ.Tokens.Tests.Fakes;

/// <summary>The pipeline with the refresh grant over an in-memory store, clients registered for it, and helpers.</summary>
public sealed class GrantFixture : IDisposable
{
    public const string AppId = "casework";
    public const string OtherAppId = "licensing";
    public const string SpaId = "portal-spa";
    public const string NoRefreshId = "batch";

    /// <summary>Exchange targets registered for <see cref="AppId"/>: a resource URI and a logical audience.</summary>
    public const string AllowedResource = "https://casework.example.gov/api";
    public const string AllowedAudience = "tax-service";

    private GrantFixture(TokenFixture tokens)
    {
        Tokens = tokens;
        Clients = new InMemoryClientStore(
        [
            Confidential(AppId, [GrantTypes.AuthorizationCode, GrantTypes.RefreshToken, GrantTypes.TokenExchange], [AllowedResource, AllowedAudience]),
            Confidential(OtherAppId, [GrantTypes.AuthorizationCode, GrantTypes.RefreshToken]),
            Confidential(NoRefreshId, [GrantTypes.ClientCredentials]),
            new OAuthClient
            {
                ClientId = SpaId,
                Type = ClientType.Public,
                AuthenticationMethods = [ClientAuthenticationMethods.None],
                GrantTypes = [GrantTypes.AuthorizationCode, GrantTypes.RefreshToken],
                RedirectUris = ["https://portal.example.gov/callback"],
                Scopes = ["decision:check", "consent:read"],
            },
        ]);
        Authenticator = new ClientAuthenticator(tokens.Options, Clients, new InMemoryClientAssertionReplayCache(tokens.Time), tokens.Time);
        Store = new InMemoryRefreshTokenStore();
        RefreshTokens = new RefreshTokenService(tokens.Options, Store, tokens.Revoked, tokens.AccessTokens, tokens.Time);
        Introspection = new TokenIntrospectionService(tokens.Options, tokens.Ring, tokens.Revoked);
        Pipeline = TokenRequestPipeline.CreateDefault(tokens.Options, Authenticator, tokens.AccessTokens, RefreshTokens, Introspection);
    }

    public static OfficialAttributes Official { get; } = new()
    {
        Department = "civil-affairs",
        Roles = ["caseworker"],
        Level = 3,
        Region = "320100",
        Clearance = Clearances.Important,
    };

    public TokenFixture Tokens { get; }

    public InMemoryClientStore Clients { get; }

    public ClientAuthenticator Authenticator { get; }

    public InMemoryRefreshTokenStore Store { get; }

    public RefreshTokenService RefreshTokens { get; }

    public TokenIntrospectionService Introspection { get; }

    public TokenRequestPipeline Pipeline { get; }

    public static async Task<GrantFixture> CreateAsync() => new(await TokenFixture.CreateAsync());

    public async Task<OAuthClient> ClientAsync(string clientId) => (await Clients.FindByIdAsync(clientId, default))!;

    /// <summary>What the authorization-code grant does: an access token and a refresh token of a new family.</summary>
    public async Task<(IssuedToken Access, IssuedRefreshToken Refresh)> GrantAsync(string clientId, params string[] scopes)
    {
        var client = await ClientAsync(clientId);
        var access = Tokens.AccessTokens.Issue(new AccessTokenDescriptor { Subject = "official:42", ClientId = clientId, Scopes = scopes, Official = Official });
        var refresh = await RefreshTokens.IssueAsync(client, "official:42", scopes, Official, accessToken: access);
        return (access, refresh);
    }

    public ValueTask<TokenEndpointResult> RefreshAsync(string clientId, string refreshToken, string? scope = null)
    {
        var form = new List<KeyValuePair<string, string>> { new("grant_type", GrantTypes.RefreshToken), new("refresh_token", refreshToken) };
        if (scope is not null)
        {
            form.Add(new("scope", scope));
        }

        return ProcessAsync(clientId, form);
    }

    public ValueTask<TokenEndpointResult> ProcessAsync(string clientId, List<KeyValuePair<string, string>> form)
    {
        string? authorization = null;
        if (clientId == SpaId)
        {
            form.Add(new("client_id", clientId));
        }
        else
        {
            authorization = ClientFixture.BasicHeader(clientId, ClientFixture.Secret);
        }

        return Pipeline.ProcessAsync(new TokenEndpointRequest { AuthorizationHeader = authorization, Form = form });
    }

    public async Task<bool> IsActiveAsync(string accessToken) =>
        (await Introspection.IntrospectAsync(accessToken, await ClientAsync(OtherAppId))).Active;

    public void Dispose() => Tokens.Dispose();

    private static OAuthClient Confidential(string id, string[] grantTypes, string[]? audiences = null) => new()
    {
        Audiences = audiences ?? [],
        ClientId = id,
        AuthenticationMethods = [ClientAuthenticationMethods.ClientSecretBasic],
        SecretHashes = [ClientSecretHasher.Hash(ClientFixture.Secret)],
        GrantTypes = grantTypes,
        Scopes = ["decision:check", "decision:explain", "consent:read"],
    };
}
