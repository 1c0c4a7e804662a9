using GovAuthZ.Core.Errors;
using GovAuthZ.Server.IntegrationTests.Services;
using GovAuthZ.Tokens;
using GovAuthZ.Tokens.Clients;
using GovAuthZ.Tokens.Issuance;
using GovAuthZ.Tokens.Keys;
using GovAuthZ.Tokens.Refresh;
using GovAuthZ.Tokens.Storage;

namespace GovAuthZ.Server.IntegrationTests.Tokens;

/// <summary>
/// The refresh-token store's contract and the rotation rules over it, run against every database we
/// support, as <see cref="TokenStoreSuite"/> is: atomic rotation, family revocation, exact round trip.
/// </summary>
public abstract class RefreshTokenStoreSuite(ITestDatabase backend) : DatabaseSuite(backend), IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly FixedTime _time = new(Start);
    private readonly InMemoryKeyProtector _protector = new();
    private SigningKeyRing _ring = null!;
    private PersistentRevokedTokens _revoked = null!;
    private RefreshTokenService _service = null!;

    private static OAuthClient Client { get; } = new()
    {
        ClientId = "casework",
        AuthenticationMethods = [ClientAuthenticationMethods.ClientSecretBasic],
        SecretHashes = [ClientSecretHasher.Hash(ClientSecretHasher.GenerateSecret())],
        GrantTypes = [GrantTypes.RefreshToken],
        Scopes = ["decision:check"],
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var options = new TokenOptions { Issuer = "https://auth.example.gov", KeyPublishLeadTime = TimeSpan.Zero };
        options.Validate();
        _ring = new SigningKeyRing(options, new InMemorySigningKeyStore(), _protector, _time);
        await _ring.InitializeAsync();
        _revoked = new PersistentRevokedTokens(Database, _time);
        _service = new RefreshTokenService(options, new SqlRefreshTokenStore(Database), _revoked, new AccessTokenIssuer(options, _ring), _time);
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ring?.Dispose();
            _protector.Dispose();
        }
    }

    [Fact]
    public async Task FindAsync_WhenCreated_ReadsBackExactly()
    {
        var store = new SqlRefreshTokenStore(Database);
        var official = new OfficialAttributes { Department = "civil-affairs", Roles = ["caseworker", "reviewer"], Level = 3, Region = "320100", Clearance = Clearances.Core };
        var record = new RefreshTokenRecord
        {
            TokenHash = "h1", FamilyId = "f1", ClientId = "casework", Subject = "official:42", Scopes = ["decision:check", "consent:read"],
            Official = official, IssuedAt = Start, ExpiresAt = Start.AddHours(2), FamilyExpiresAt = Start.AddHours(8),
        };

        await store.CreateAsync(record, new FamilyAccessToken("jti-1", Start.AddMinutes(10)), default);
        var loaded = await store.FindAsync("h1", default);

        Assert.NotNull(loaded);
        Assert.Equal(["decision:check", "consent:read"], loaded.Scopes);
        Assert.Equal(["caseworker", "reviewer"], loaded.Official!.Roles);
        Assert.Equal(official with { Roles = loaded.Official.Roles }, loaded.Official);
        Assert.Equal(record with { Scopes = loaded.Scopes, Official = loaded.Official }, loaded);
        Assert.Null(await store.FindAsync("h2", default));
    }

    [Fact]
    public async Task RotateAsync_WhenTokenAlreadyUsedOrRevoked_ChangesNothing()
    {
        var store = new SqlRefreshTokenStore(Database);
        await store.CreateAsync(Record("h1", "f1"), null, default);

        Assert.True(await store.RotateAsync("h1", Start, Record("h2", "f1"), new FamilyAccessToken("j2", Start.AddMinutes(10)), default));
        Assert.False(await store.RotateAsync("h1", Start, Record("h3", "f1"), new FamilyAccessToken("j3", Start.AddMinutes(10)), default));
        var revokedAccess = await store.RevokeFamilyAsync("f1", Start, default);
        Assert.False(await store.RotateAsync("h2", Start, Record("h4", "f1"), new FamilyAccessToken("j4", Start.AddMinutes(10)), default));

        Assert.Equal(Start, (await store.FindAsync("h1", default))!.UsedAt);
        Assert.Null(await store.FindAsync("h3", default));
        Assert.Equal(Start, (await store.FindAsync("h2", default))!.RevokedAt);
        Assert.Equal("j2", Assert.Single(revokedAccess).TokenId);
    }

    [Fact]
    public async Task RefreshAsync_WhenEightConcurrentRefreshesOfOneToken_ExactlyOneSucceeds()
    {
        var issued = await _service.IssueAsync(Client, "official:42", ["decision:check"], null);

        var attempts = new Task<RefreshResult>[8];
        for (var i = 0; i < attempts.Length; i++)
        {
            attempts[i] = Task.Run(async () => await _service.RefreshAsync(Client, issued.Token, null));
        }

        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r.AccessToken is not null);
        // A loser either finds the token rotated (reuse) or its family already revoked by an earlier loser.
        Assert.All(results.Where(r => r.AccessToken is null), r => Assert.Contains(r.Code, new[] { ErrorCode.RefreshTokenReused, ErrorCode.RefreshTokenRevoked }));
        Assert.Contains(results, r => r.Code == ErrorCode.RefreshTokenReused);
    }

    [Fact]
    public async Task RefreshAsync_WhenRotatedTokenReused_RevokesFamilyAccessTokensDurably()
    {
        var issued = await _service.IssueAsync(Client, "official:42", ["decision:check"], null);
        var rotated = await _service.RefreshAsync(Client, issued.Token, null);

        var reuse = await _service.RefreshAsync(Client, issued.Token, null);

        Assert.Equal(ErrorCode.RefreshTokenReused, reuse.Code);
        Assert.Equal(ErrorCode.RefreshTokenRevoked, (await _service.RefreshAsync(Client, rotated.RefreshToken!.Token, null)).Code);
        var reloaded = new PersistentRevokedTokens(Database, _time);
        Assert.Equal(1, await reloaded.LoadAsync());
        Assert.True(await reloaded.IsRevokedAsync(rotated.AccessToken!.TokenId, default));
    }

    private static RefreshTokenRecord Record(string hash, string family) => new()
    {
        TokenHash = hash, FamilyId = family, ClientId = "casework", Subject = "official:42", Scopes = ["decision:check"],
        IssuedAt = Start, ExpiresAt = Start.AddHours(2), FamilyExpiresAt = Start.AddHours(8),
    };
}

/// <summary>The refresh-token store on a SQLite file in a temporary folder of its own.</summary>
public sealed class SqliteRefreshTokenStoreTests() : RefreshTokenStoreSuite(new SqliteTestDatabase());

/// <summary>The refresh-token store on the real PostgreSQL from scripts/services.sh, in a schema of its own.</summary>
[Collection(RealServicesGroup.Name)]
public sealed class PostgresRefreshTokenStoreTests(ServicesFixture services) : RefreshTokenStoreSuite(new PostgresTestSchema(services));
