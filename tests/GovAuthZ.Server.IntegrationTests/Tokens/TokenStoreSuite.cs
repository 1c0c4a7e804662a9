using GovAuthZ.Tokens;
using GovAuthZ.Tokens.Clients;
using GovAuthZ.Tokens.Issuance;
using GovAuthZ.Tokens.Keys;
using GovAuthZ.Tokens.Storage;

namespace GovAuthZ.Server.IntegrationTests.Tokens;

/// <summary>
/// The token stores' contract, run against every database we support: each subclass supplies a fresh,
/// empty database (a SQLite file in a temporary folder, a PostgreSQL schema of its own).
/// </summary>
public abstract class TokenStoreSuite(ITestDatabase backend) : DatabaseSuite(backend)
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task EnsureSchemaAsync_WhenRunTwice_KeepsData()
    {
        var store = new SqlSigningKeyStore(Database);
        Assert.True(await store.TrySaveAsync(new SigningKeySet(1, [Record("k1", Start)]), 0, default));

        await Database.EnsureSchemaAsync();

        var loaded = await store.LoadAsync(default);
        Assert.Equal(1, loaded.Version);
        Assert.Equal("k1", Assert.Single(loaded.Records).KeyId);
    }

    [Fact]
    public async Task LoadAsync_WhenNothingStored_ReturnsVersionZeroAndNoKeys()
    {
        var loaded = await new SqlSigningKeyStore(Database).LoadAsync(default);

        Assert.Equal(0, loaded.Version);
        Assert.Empty(loaded.Records);
    }

    [Fact]
    public async Task TrySaveAsync_WhenVersionMatches_StoresRecordsExactly()
    {
        var store = new SqlSigningKeyStore(Database);
        var first = Record("k1", Start.AddTicks(1234567));
        var second = Record("k2", Start.AddDays(30).AddTicks(7));

        Assert.True(await store.TrySaveAsync(new SigningKeySet(1, [first, second]), 0, default));

        var loaded = await store.LoadAsync(default);
        Assert.Equal(1, loaded.Version);
        Assert.Equal(2, loaded.Records.Count);
        AssertSameRecord(first, loaded.Records[0]);
        AssertSameRecord(second, loaded.Records[1]);
    }

    [Fact]
    public async Task TrySaveAsync_WhenVersionStale_StoresNothing()
    {
        var store = new SqlSigningKeyStore(Database);
        Assert.True(await store.TrySaveAsync(new SigningKeySet(1, [Record("k1", Start)]), 0, default));

        // A second writer that loaded version 0 before the first one saved must lose.
        Assert.False(await store.TrySaveAsync(new SigningKeySet(1, [Record("other", Start)]), 0, default));

        var loaded = await store.LoadAsync(default);
        Assert.Equal("k1", Assert.Single(loaded.Records).KeyId);
    }

    [Fact]
    public async Task TrySaveAsync_WhenRacedByManyWriters_ExactlyOneWins()
    {
        var store = new SqlSigningKeyStore(Database);
        var attempts = Enumerable.Range(0, 6)
            .Select(i => store.TrySaveAsync(new SigningKeySet(1, [Record("k" + i, Start)]), 0, default).AsTask())
            .ToArray();

        var results = await Task.WhenAll(attempts);

        Assert.Equal(1, results.Count(r => r));
        Assert.Single((await store.LoadAsync(default)).Records);
    }

    [Fact]
    public async Task Ring_WhenReopenedOnSameStore_KeepsKeyId()
    {
        using var protector = new InMemoryKeyProtector();
        var options = new TokenOptions { Issuer = "https://issuer.example" };
        string kid;
        using (var ring = new SigningKeyRing(options, new SqlSigningKeyStore(Database), protector, new FixedTime(Start)))
        {
            await ring.InitializeAsync();
            kid = Assert.Single(ring.GetKeys()).KeyId;
        }

        using var reopened = new SigningKeyRing(options, new SqlSigningKeyStore(Database), protector, new FixedTime(Start.AddHours(1)));
        await reopened.InitializeAsync();

        var key = Assert.Single(reopened.GetKeys());
        Assert.Equal(kid, key.KeyId);
        Assert.Equal(SigningKeyState.Active, key.State);
    }

    [Fact]
    public async Task ClientStore_WhenSavedAndFound_RoundTripsRegistration()
    {
        var store = new SqlClientStore(Database, new FixedTime(Start));
        var client = new OAuthClient
        {
            ClientId = "tax-app",
            Kind = ClientKind.Department,
            DisplayName = "Tax 税务",
            AuthenticationMethods = [ClientAuthenticationMethods.ClientSecretBasic],
            SecretHashes = [ClientSecretHasher.Hash("s3cret-s3cret-s3cret-s3cret-s3cret-0123")],
            GrantTypes = [GrantTypes.ClientCredentials],
            Scopes = ["decision:check"],
            DepartmentAttributes = new OfficialAttributes { Department = "tax_nj", Region = "320100", Level = 3 },
        };

        await store.SaveAsync(client);
        var found = await store.FindByIdAsync("tax-app", default);

        Assert.NotNull(found);
        Assert.Equal(ClientKind.Department, found.Kind);
        Assert.Equal("Tax 税务", found.DisplayName);
        Assert.Equal(client.SecretHashes, found.SecretHashes);
        Assert.Equal(["decision:check"], found.Scopes);
        Assert.Equal("320100", found.DepartmentAttributes!.Region);
        Assert.Equal(3, found.DepartmentAttributes.Level);
        Assert.True(ClientSecretHasher.Verify("s3cret-s3cret-s3cret-s3cret-s3cret-0123", found.SecretHashes[0]));
        Assert.Equal(1, await store.CountAsync());
    }

    [Fact]
    public async Task ClientStore_WhenAudiencesRegistered_RoundTripsThemAndOmitsAnEmptyList()
    {
        var store = new SqlClientStore(Database, new FixedTime(Start));
        var client = SecretClient("casework", "decision:check");
        await store.SaveAsync(new OAuthClient
        {
            ClientId = "exchanger",
            AuthenticationMethods = client.AuthenticationMethods,
            SecretHashes = client.SecretHashes,
            GrantTypes = [GrantTypes.TokenExchange],
            Scopes = ["decision:check"],
            Audiences = ["https://casework.example.gov/api", "tax-service"],
        });
        await store.SaveAsync(client);

        Assert.Equal(["https://casework.example.gov/api", "tax-service"], (await store.FindByIdAsync("exchanger", default))!.Audiences);
        Assert.Empty((await store.FindByIdAsync("casework", default))!.Audiences);
    }

    [Fact]
    public async Task ClientStore_WhenSavedTwice_ReplacesAndRemoves()
    {
        var store = new SqlClientStore(Database, new FixedTime(Start));
        await store.SaveAsync(SecretClient("pep", "decision:check"));
        await store.SaveAsync(SecretClient("pep", "decision:explain"));

        Assert.Equal(["decision:explain"], (await store.FindByIdAsync("pep", default))!.Scopes);
        Assert.True(await store.RemoveAsync("pep"));
        Assert.Null(await store.FindByIdAsync("pep", default));
        Assert.Null(await store.FindByIdAsync("never-registered", default));
    }

    [Fact]
    public async Task CachedClientStore_WhenThisProcessSavesOrRemoves_SeesTheChangeAtOnce()
    {
        var store = new SqlClientStore(Database, new FixedTime(Start));
        var cached = GovAuthZ.Server.Tokens.TokenServiceRegistration.CreateClientStore(store, TimeSpan.FromHours(1), new FixedTime(Start));
        await store.SaveAsync(SecretClient("pep", "decision:check"));
        Assert.Equal(["decision:check"], (await cached.FindByIdAsync("pep", default))!.Scopes);

        await store.SaveAsync(SecretClient("pep", "decision:explain"));
        Assert.Equal(["decision:explain"], (await cached.FindByIdAsync("pep", default))!.Scopes);

        Assert.True(await store.RemoveAsync("pep"));
        Assert.Null(await cached.FindByIdAsync("pep", default));
    }

    [Fact]
    public void CachedClientStore_WhenTtlZero_IsTheStoreItself()
    {
        var store = new SqlClientStore(Database, new FixedTime(Start));

        Assert.Same(store, GovAuthZ.Server.Tokens.TokenServiceRegistration.CreateClientStore(store, TimeSpan.Zero, new FixedTime(Start)));
    }

    [Fact]
    public async Task RevokedTokens_WhenReloadedInNewInstance_RemembersUnexpiredOnly()
    {
        var time = new FixedTime(Start);
        var writer = new PersistentRevokedTokens(Database, time);
        await writer.RevokeAsync("live", Start.AddMinutes(10), default);
        await writer.RevokeAsync("ending", Start.AddMinutes(1), default);
        Assert.True(await writer.IsRevokedAsync("live", default));

        time.Now = Start.AddMinutes(5);
        var reader = new PersistentRevokedTokens(Database, time);
        Assert.False(await reader.IsRevokedAsync("live", default));
        Assert.Equal(1, await reader.LoadAsync());

        Assert.True(await reader.IsRevokedAsync("live", default));
        Assert.False(await reader.IsRevokedAsync("ending", default));
        Assert.Equal(1, await reader.PruneAsync());
        Assert.Equal(1, await new PersistentRevokedTokens(Database, time).LoadAsync());
    }

    internal static OAuthClient SecretClient(string id, string scope) => new()
    {
        ClientId = id,
        AuthenticationMethods = [ClientAuthenticationMethods.ClientSecretPost],
        SecretHashes = [ClientSecretHasher.Hash(ClientSecretHasher.GenerateSecret())],
        GrantTypes = [GrantTypes.ClientCredentials],
        Scopes = [scope],
    };

    private static SigningKeyRecord Record(string kid, DateTimeOffset signingFrom) =>
        new(kid, SigningAlgorithms.ES256, signingFrom.AddMinutes(-1), signingFrom, [1, 2, 3, (byte)kid.Length]);

    private static void AssertSameRecord(SigningKeyRecord expected, SigningKeyRecord actual)
    {
        Assert.Equal(expected.KeyId, actual.KeyId);
        Assert.Equal(expected.Algorithm, actual.Algorithm);
        Assert.Equal(expected.CreatedAt.UtcTicks, actual.CreatedAt.UtcTicks);
        Assert.Equal(expected.SigningFrom.UtcTicks, actual.SigningFrom.UtcTicks);
        Assert.Equal(expected.ProtectedPrivateKey, actual.ProtectedPrivateKey);
    }
}
