using GovAuthZ.Server.IntegrationTests.Services;
using GovAuthZ.Tokens.Authorization;
using GovAuthZ.Tokens.Storage;
using GovAuthZ.Tokens.Users;

namespace GovAuthZ.Server.IntegrationTests.Tokens;

/// <summary>The code and user stores' contract on every database: single-use under races, replay bookkeeping.</summary>
public abstract class AuthorizationStoreSuite(ITestDatabase backend) : DatabaseSuite(backend)
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RedeemAsync_WhenEightRedemptionsRace_ExactlyOneRedeems()
    {
        var codes = new SqlAuthorizationCodeStore(Database);
        var hash = AuthorizationCodes.Hash(AuthorizationCodes.NewCode());
        await codes.StoreAsync(hash, Grant(), default);
        using var start = new ManualResetEventSlim(false);
        var tasks = new Task<CodeRedemption>[8];
        for (var i = 0; i < tasks.Length; i++)
        {
            tasks[i] = Task.Run(async () =>
            {
                start.Wait();
                return await codes.RedeemAsync(hash, Now, default);
            });
        }

        start.Set();
        var results = await Task.WhenAll(tasks);

        Assert.Single(results, r => r.Status == CodeRedemptionStatus.Redeemed);
        Assert.Equal(7, results.Count(r => r.Status == CodeRedemptionStatus.Replayed));
    }

    [Fact]
    public async Task RedeemAsync_WhenReplayedAfterTokensRecorded_ReturnsThemForRevocation()
    {
        var codes = new SqlAuthorizationCodeStore(Database);
        var hash = AuthorizationCodes.Hash("code-a");
        await codes.StoreAsync(hash, Grant(), default);
        var first = await codes.RedeemAsync(hash, Now, default);
        Assert.False(await codes.RecordIssuedAsync(hash, [new IssuedFromCode("jti-a", Now.AddMinutes(10))], default));

        var replay = await codes.RedeemAsync(hash, Now, default);

        Assert.Equal("official:wang", first.Grant!.UserId);
        Assert.Equal(CodeRedemptionStatus.Replayed, replay.Status);
        Assert.Equal([new IssuedFromCode("jti-a", Now.AddMinutes(10))], replay.IssuedTokens);
    }

    [Fact]
    public async Task RedeemAsync_WhenRefreshFamilyRecorded_ReturnsItWithTheAccessToken()
    {
        var codes = new SqlAuthorizationCodeStore(Database);
        var hash = AuthorizationCodes.Hash("code-family");
        await codes.StoreAsync(hash, Grant(), default);
        await codes.RedeemAsync(hash, Now, default);
        await codes.RecordIssuedAsync(hash, [new IssuedFromCode("jti-f", Now.AddMinutes(10), "family-1")], default);

        var replay = await codes.RedeemAsync(hash, Now, default);

        Assert.Equal([new IssuedFromCode("jti-f", Now.AddMinutes(10), "family-1")], replay.IssuedTokens);
    }

    [Fact]
    public async Task RedeemAsync_WhenRecordWrittenWithoutFamily_ReadsFamilyAsNull()
    {
        var codes = new SqlAuthorizationCodeStore(Database);
        var hash = AuthorizationCodes.Hash("code-legacy");
        await codes.StoreAsync(hash, Grant(), default);
        await codes.RedeemAsync(hash, Now, default);
        var connection = await Database.OpenAsync(default);
        await using (connection)
        {
            // The form rows had before refresh families were recorded.
            await using var command = connection.CreateCommand();
            command.CommandText = $"UPDATE gaz_authorization_codes SET issued = '[{{\"TokenId\":\"jti-old\",\"ExpiresAt\":\"2026-05-01T08:10:00+00:00\"}}]' WHERE code_hash = '{hash}'";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var replay = await codes.RedeemAsync(hash, Now, default);

        Assert.Equal([new IssuedFromCode("jti-old", Now.AddMinutes(10))], replay.IssuedTokens);
    }

    [Fact]
    public async Task RedeemAsync_WhenExpiredOrUnknown_IsInvalid()
    {
        var codes = new SqlAuthorizationCodeStore(Database);
        var hash = AuthorizationCodes.Hash("code-b");
        await codes.StoreAsync(hash, Grant(), default);

        Assert.Equal(CodeRedemptionStatus.Invalid, (await codes.RedeemAsync(hash, Now.AddSeconds(60), default)).Status);
        Assert.Equal(CodeRedemptionStatus.Invalid, (await codes.RedeemAsync(AuthorizationCodes.Hash("never"), Now, default)).Status);
    }

    [Fact]
    public async Task UserStore_WhenSaved_SignsInWithTheHashedPassword()
    {
        var users = new SqlUserStore(Database, TimeProvider.System);
        foreach (var user in DevelopmentUsers.Create())
        {
            await users.SaveAsync(user);
        }

        var signIn = new UserSignIn(users);

        Assert.Equal(DevelopmentUsers.LiId, (await signIn.SignInAsync(DevelopmentUsers.LiId, DevelopmentUsers.LiPassword, default))!.UserId);
        Assert.Null(await signIn.SignInAsync(DevelopmentUsers.LiId, DevelopmentUsers.WangPassword, default));
    }

    private static AuthorizationCodeGrant Grant() => new()
    {
        ClientId = "portal-demo",
        RedirectUri = "http://127.0.0.1:8400/callback",
        CodeChallenge = GovAuthZ.Tokens.Grants.Pkce.CreateChallenge("verifier-verifier-verifier-verifier-verifier-01"),
        UserId = "official:wang",
        Scopes = ["openid", "decision:check"],
        Nonce = "n",
        AuthTime = Now,
        ExpiresAt = Now.AddSeconds(60),
    };
}

/// <summary>The code and user stores on a SQLite file in a temporary folder of its own.</summary>
public sealed class SqliteAuthorizationStoreTests() : AuthorizationStoreSuite(new SqliteTestDatabase());

/// <summary>On the real PostgreSQL from scripts/services.sh, in a schema of its own.</summary>
[Collection(RealServicesGroup.Name)]
public sealed class PostgresAuthorizationStoreTests(ServicesFixture services) : AuthorizationStoreSuite(new PostgresTestSchema(services));
