using GovAuthZ.Server.IntegrationTests.Services;
using GovAuthZ.Tokens;
using GovAuthZ.Tokens.Clients;
using GovAuthZ.Tokens.Storage;

namespace GovAuthZ.Server.IntegrationTests.Tokens;

/// <summary>The consent and ended-session stores' contract on every database.</summary>
public abstract class SessionStoreSuite(ITestDatabase backend) : DatabaseSuite(backend)
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetGrantedAsync_WhenNothingGranted_IsEmpty()
    {
        var store = new SqlScopeConsentStore(Database, new FixedTime(Now));

        Assert.Empty(await store.GetGrantedAsync("citizen:zhang", "third-party-demo", default));
    }

    [Fact]
    public async Task GrantAsync_WhenGrantedTwice_KeepsTheSortedUnionPerUserAndClient()
    {
        var store = new SqlScopeConsentStore(Database, new FixedTime(Now));

        await store.GrantAsync("citizen:zhang", "third-party-demo", ["openid"], default);
        var merged = await store.GrantAsync("citizen:zhang", "third-party-demo", ["consent:read", "openid"], default);

        Assert.Equal(["consent:read", "openid"], merged);
        Assert.Equal(["consent:read", "openid"], await store.GetGrantedAsync("citizen:zhang", "third-party-demo", default));
        Assert.Empty(await store.GetGrantedAsync("citizen:li", "third-party-demo", default));
        Assert.Empty(await store.GetGrantedAsync("citizen:zhang", "other-app", default));
    }

    [Fact]
    public async Task GrantAsync_WhenReopenedOnTheSameDatabase_IsStillThere()
    {
        await new SqlScopeConsentStore(Database, new FixedTime(Now)).GrantAsync("official:wang", "third-party-demo", ["openid"], default);

        var reopened = new SqlScopeConsentStore(Database, new FixedTime(Now));

        Assert.Equal(["openid"], await reopened.GetGrantedAsync("official:wang", "third-party-demo", default));
    }

    [Fact]
    public async Task ClientStore_WhenFirstPartyAndPostLogoutUrisSaved_RoundTripsThemAndThirdPartyNeedsConsent()
    {
        var store = new SqlClientStore(Database, new FixedTime(Now));
        await store.SaveAsync(Browser("first", firstParty: true, ["https://first.example.gov/bye"]));
        await store.SaveAsync(Browser("third", firstParty: false, []));

        var first = await store.FindByIdAsync("first", default);
        var third = await store.FindByIdAsync("third", default);

        Assert.True(first!.FirstParty);
        Assert.False(first.RequiresConsent);
        Assert.Equal(["https://first.example.gov/bye"], first.PostLogoutRedirectUris);
        Assert.False(third!.FirstParty);
        Assert.True(third.RequiresConsent);
        Assert.Empty(third.PostLogoutRedirectUris);
    }

    [Fact]
    public async Task IsEndedAsync_WhenEndedTwice_IsEndedAndIdempotent()
    {
        var store = new SqlEndedSessionStore(Database);

        await store.EndAsync("sid-a", Now.AddHours(8), default);
        await store.EndAsync("sid-a", Now.AddHours(8), default);

        Assert.True(await store.IsEndedAsync("sid-a", default));
        Assert.False(await store.IsEndedAsync("sid-b", default));
    }

    [Fact]
    public async Task PruneAsync_WhenSessionWouldHaveExpired_ForgetsOnlyThat()
    {
        var store = new SqlEndedSessionStore(Database);
        await store.EndAsync("sid-old", Now.AddHours(1), default);
        await store.EndAsync("sid-new", Now.AddHours(8), default);

        var removed = await store.PruneAsync(Now.AddHours(2), default);

        Assert.Equal(1, removed);
        Assert.False(await store.IsEndedAsync("sid-old", default));
        Assert.True(await store.IsEndedAsync("sid-new", default));
    }

    private static OAuthClient Browser(string id, bool firstParty, string[] postLogout) => new()
    {
        ClientId = id,
        Type = ClientType.Public,
        FirstParty = firstParty,
        AuthenticationMethods = [ClientAuthenticationMethods.None],
        GrantTypes = [GrantTypes.AuthorizationCode],
        RedirectUris = ["https://" + id + ".example.gov/callback"],
        PostLogoutRedirectUris = postLogout,
        Scopes = ["openid"],
    };
}

/// <summary>The session stores on a SQLite file in a temporary folder of its own.</summary>
public sealed class SqliteSessionStoreTests() : SessionStoreSuite(new SqliteTestDatabase());

/// <summary>The session stores on the real PostgreSQL from scripts/services.sh, in a schema of its own.</summary>
[Collection(RealServicesGroup.Name)]
public sealed class PostgresSessionStoreTests(ServicesFixture services) : SessionStoreSuite(new PostgresTestSchema(services));
