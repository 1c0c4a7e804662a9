using GovAuthZ.Tokens.Authorization;
using GovAuthZ.Tokens.Clients;
using GovAuthZ.Tokens.Grants;
using GovAuthZ.Tokens.Issuance;
using GovAuthZ.Tokens.Refresh;
using GovAuthZ.Tokens.Tests.Fakes;
using GovAuthZ.Tokens.Users;

namespace GovAuthZ.Tokens.Tests.Authorization;

/// <summary>Two public clients, users, a code store and the full pipeline over one manual clock.</summary>
public sealed class AuthorizationCodeFixture : IDisposable
{
    public const string PortalId = "portal";
    public const string OtherId = "other-app";

    /// <summary>A public client registered for refresh_token too: the code grant returns a refresh token.</summary>
    public const string RefreshingId = "portal-refreshing";
    public const string Redirect = "https://portal.example.gov/callback";
    public const string OtherRedirect = "https://other.example.gov/cb";
    public const string Verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-verifier-0123";

    private AuthorizationCodeFixture(TokenFixture tokens, IAuthorizationCodeStore? codes)
    {
        Tokens = tokens;
        Clients = new InMemoryClientStore(
        [
            Public(PortalId, Redirect), Public(OtherId, OtherRedirect),
            Public(RefreshingId, Redirect, [GrantTypes.AuthorizationCode, GrantTypes.RefreshToken]),
        ]);
        Users = new InMemoryUserStore(
        [
            new UserAccount
            {
                UserId = "official:wang",
                PasswordHash = UserPasswords.Hash("wang-password"),
                Official = new OfficialAttributes { Department = "civil_affairs_nj", Roles = ["role:caseworker"], Level = 3, Region = "320100", Clearance = Clearances.Important },
            },
            new UserAccount { UserId = "citizen:zhang", PasswordHash = UserPasswords.Hash("zhang-password") },
        ]);
        Codes = codes ?? new InMemoryAuthorizationCodeStore();
        CodeService = new AuthorizationCodeService(Codes, tokens.Time);
        Validator = new AuthorizationRequestValidator(tokens.Options, Clients);
        var authenticator = new ClientAuthenticator(tokens.Options, Clients, new InMemoryClientAssertionReplayCache(tokens.Time), tokens.Time);
        RefreshStore = new InMemoryRefreshTokenStore();
        RefreshTokens = new RefreshTokenService(tokens.Options, RefreshStore, tokens.Revoked, tokens.AccessTokens, tokens.Time);
        Pipeline = TokenRequestPipeline.CreateDefault(tokens.Options, authenticator, tokens.AccessTokens, RefreshTokens)
            .With(AuthorizationCodeGrantHandlers.Create(Codes, Users, tokens.Revoked, tokens.AccessTokens, tokens.IdTokens, tokens.Time, RefreshTokens));
    }

    public TokenFixture Tokens { get; }

    public InMemoryClientStore Clients { get; }

    public InMemoryUserStore Users { get; }

    public IAuthorizationCodeStore Codes { get; }

    public InMemoryRefreshTokenStore RefreshStore { get; }

    public RefreshTokenService RefreshTokens { get; }

    public AuthorizationCodeService CodeService { get; }

    public AuthorizationRequestValidator Validator { get; }

    public TokenRequestPipeline Pipeline { get; }

    public static string Challenge => Pkce.CreateChallenge(Verifier);

    public static async Task<AuthorizationCodeFixture> CreateAsync(IAuthorizationCodeStore? codes = null) => new(await TokenFixture.CreateAsync(), codes);

    public static List<KeyValuePair<string, string>> AuthorizeQuery(params (string Name, string Value)[] overrides)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["response_type"] = "code",
            ["client_id"] = PortalId,
            ["redirect_uri"] = Redirect,
            ["scope"] = "openid decision:check",
            ["state"] = "st-123",
            ["nonce"] = "n-456",
            ["code_challenge"] = Challenge,
            ["code_challenge_method"] = "S256",
        };
        foreach (var (name, value) in overrides)
        {
            if (value is null)
            {
                values.Remove(name);
            }
            else
            {
                values[name] = value;
            }
        }

        return [.. values];
    }

    /// <summary>A code for official:wang from a valid request (optionally altered).</summary>
    public async Task<string> IssueCodeAsync(string userId = "official:wang", params (string Name, string Value)[] overrides)
    {
        var result = await Validator.ValidateAsync(AuthorizeQuery(overrides), default);
        Assert.True(result.Succeeded, result.Error?.Description);
        var user = await Users.FindByIdAsync(userId, default);
        return await CodeService.IssueAsync(result.Request!, user!, Tokens.Time.GetUtcNow(), default);
    }

    public ValueTask<TokenEndpointResult> RedeemAsync(string code, string clientId = PortalId, string redirectUri = Redirect, string? verifier = Verifier)
    {
        List<KeyValuePair<string, string>> form =
        [
            KeyValuePair.Create("grant_type", "authorization_code"),
            KeyValuePair.Create("code", code),
            KeyValuePair.Create("redirect_uri", redirectUri),
            KeyValuePair.Create("client_id", clientId),
        ];
        if (verifier is not null)
        {
            form.Add(KeyValuePair.Create("code_verifier", verifier));
        }

        return Pipeline.ProcessAsync(new TokenEndpointRequest { Form = form });
    }

    /// <summary>The refresh_token grant as a public client sends it (client_id, no secret).</summary>
    public ValueTask<TokenEndpointResult> RefreshAsync(string refreshToken, string clientId = RefreshingId) =>
        Pipeline.ProcessAsync(new TokenEndpointRequest
        {
            Form =
            [
                KeyValuePair.Create("grant_type", "refresh_token"),
                KeyValuePair.Create("refresh_token", refreshToken),
                KeyValuePair.Create("client_id", clientId),
            ],
        });

    public void Dispose() => Tokens.Dispose();

    private static OAuthClient Public(string id, string redirect, string[]? grantTypes = null) => new()
    {
        ClientId = id,
        Type = ClientType.Public,
        AuthenticationMethods = [ClientAuthenticationMethods.None],
        GrantTypes = grantTypes ?? [GrantTypes.AuthorizationCode],
        RedirectUris = [redirect],
        Scopes = ["openid", "profile", "decision:check", "consent:read"],
    };
}
