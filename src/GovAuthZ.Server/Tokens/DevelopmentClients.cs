using GovAuthZ.Server.Authentication;
using GovAuthZ.Server.Configuration;
using GovAuthZ.Tokens;
using GovAuthZ.Tokens.Clients;
using GovAuthZ.Tokens.Issuance;
using GovAuthZ.Tokens.Storage;

namespace GovAuthZ.Server.Tokens;

/// <summary>
/// Clients registered on a development server so the token endpoint can be tried at once. Their secrets
/// are published in the README, so they are registered only when every listener is loopback (the rule
/// local mode uses): a reachable server never gets them. The confidential clients come when the store
/// has no clients; the two browser clients whenever they are missing.
/// </summary>
internal static class DevelopmentClients
{
    /// <summary>A trusted enforcement point: checks, and may describe the principal in the request.</summary>
    public const string PepDemoId = "pep-demo";
    public const string PepDemoSecret = "dev-only-pep-demo-secret-do-not-deploy-0001";

    /// <summary>An administrator's tool: checks and explanations.</summary>
    public const string AdminConsoleId = "admin-console";
    public const string AdminConsoleSecret = "dev-only-admin-console-secret-do-not-deploy-02";

    /// <summary>A department's own system (Nanjing Tax Service, municipal): its tokens carry department, region and level.</summary>
    public const string TaxAppId = "tax-app";
    public const string TaxAppSecret = "dev-only-tax-app-secret-do-not-deploy-000003";

    /// <summary>
    /// A browser portal (public client): authorization code with PKCE, no secret. Its refresh tokens are
    /// not sender-constrained, so they rotate on every use with reuse detection (RFC 9700 4.14.2).
    /// </summary>
    public const string PortalDemoId = "portal-demo";
    public const string PortalDemoRedirectUri = "http://127.0.0.1:8400/callback";
    public const string PortalDemoPostLogoutRedirectUri = "http://127.0.0.1:8400/signed-out";

    /// <summary>A browser app run by someone else (public client): its users see the consent page.</summary>
    public const string ThirdPartyDemoId = "third-party-demo";
    public const string ThirdPartyDemoRedirectUri = "http://127.0.0.1:8401/callback";
    public const string ThirdPartyDemoPostLogoutRedirectUri = "http://127.0.0.1:8401/signed-out";

    /// <summary>First party: the operator's own portal, so its users are not asked to consent.</summary>
    public static OAuthClient PortalDemo() => new()
    {
        ClientId = PortalDemoId,
        Type = ClientType.Public,
        DisplayName = "Citizen and official portal (development only)",
        FirstParty = true,
        AuthenticationMethods = [ClientAuthenticationMethods.None],
        GrantTypes = [GrantTypes.AuthorizationCode, GrantTypes.RefreshToken],
        RedirectUris = [PortalDemoRedirectUri],
        PostLogoutRedirectUris = [PortalDemoPostLogoutRedirectUri],
        Scopes = ["openid", "profile", DecisionScopes.Check, "consent:read", "consent:write"],
    };

    public static OAuthClient ThirdPartyDemo() => new()
    {
        ClientId = ThirdPartyDemoId,
        Type = ClientType.Public,
        DisplayName = "Third-party benefits app (development only)",
        AuthenticationMethods = [ClientAuthenticationMethods.None],
        GrantTypes = [GrantTypes.AuthorizationCode],
        RedirectUris = [ThirdPartyDemoRedirectUri],
        PostLogoutRedirectUris = [ThirdPartyDemoPostLogoutRedirectUri],
        Scopes = ["openid", "consent:read"],
    };

    /// <summary>Registers the browser clients that are absent (data folders seeded before they existed get them too); returns how many.</summary>
    public static async Task<int> SeedBrowserClientsIfMissingAsync(SqlClientStore store, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var client in (OAuthClient[])[PortalDemo(), ThirdPartyDemo()])
        {
            if (await store.FindByIdAsync(client.ClientId, cancellationToken).ConfigureAwait(false) is null)
            {
                await store.SaveAsync(client, null, cancellationToken).ConfigureAwait(false);
                added++;
            }
        }

        return added;
    }

    /// <summary>Registers the development users when the user table is empty; returns how many were added.</summary>
    public static async Task<int> SeedUsersIfEmptyAsync(SqlUserStore store, CancellationToken cancellationToken)
    {
        if (await store.CountAsync(cancellationToken).ConfigureAwait(false) > 0)
        {
            return 0;
        }

        var users = GovAuthZ.Tokens.Users.DevelopmentUsers.Create();
        foreach (var user in users)
        {
            await store.SaveAsync(user, cancellationToken).ConfigureAwait(false);
        }

        return users.Count;
    }

    public static IReadOnlyList<OAuthClient> Create() =>
    [
        Confidential(PepDemoId, "PEP demo (development only)", PepDemoSecret, [DecisionScopes.Check, DecisionScopes.AssertPrincipal]),
        Confidential(AdminConsoleId, "Admin console (development only)", AdminConsoleSecret, [DecisionScopes.Check, DecisionScopes.Explain]),
        Confidential(
            TaxAppId, "Nanjing Tax Service app (development only)", TaxAppSecret, [DecisionScopes.Check],
            new OfficialAttributes { Department = "tax_nj", Region = "320100", Level = 3 }),
    ];

    /// <summary>Whether seeding is allowed: enabled, and both listeners on loopback.</summary>
    public static bool MaySeed(TokenServiceOptions settings, ServerOptions server) =>
        settings.SeedDevelopmentClients && LocalModeGuard.IsLoopback(server.Http.Url) && LocalModeGuard.IsLoopback(server.Grpc.Url);

    /// <summary>Registers the clients when the store is empty; returns how many were added.</summary>
    public static async Task<int> SeedIfEmptyAsync(SqlClientStore store, CancellationToken cancellationToken)
    {
        if (await store.CountAsync(cancellationToken).ConfigureAwait(false) > 0)
        {
            return 0;
        }

        var clients = Create();
        foreach (var client in clients)
        {
            await store.SaveAsync(client, null, cancellationToken).ConfigureAwait(false);
        }

        return clients.Count;
    }

    private static OAuthClient Confidential(string id, string name, string secret, string[] scopes, OfficialAttributes? department = null) => new()
    {
        ClientId = id,
        Kind = department is null ? ClientKind.Application : ClientKind.Department,
        DepartmentAttributes = department,
        DisplayName = name,
        AuthenticationMethods = [ClientAuthenticationMethods.ClientSecretBasic, ClientAuthenticationMethods.ClientSecretPost],
        SecretHashes = [ClientSecretHasher.Hash(secret)],
        GrantTypes = [GrantTypes.ClientCredentials],
        Scopes = scopes,
    };
}
