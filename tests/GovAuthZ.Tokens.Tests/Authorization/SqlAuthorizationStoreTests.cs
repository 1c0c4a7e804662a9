using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Authorization;
using GovAuthZ.Tokens.Storage;
using GovAuthZ.Tokens.Users;

namespace GovAuthZ.Tokens.Tests.Authorization;

/// <summary>The SQLite code and user stores: the same single-use and replay rules as in memory.</summary>
public sealed class SqlAuthorizationStoreTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gaz-authz-" + Guid.NewGuid().ToString("N"));
    private TokenDatabase _database = null!;
    private AuthorizationCodeFixture _f = null!;

    public async Task InitializeAsync()
    {
        _database = TokenDatabase.Sqlite(Path.Combine(_folder, "t.db"));
        await _database.EnsureSchemaAsync();
        _f = await AuthorizationCodeFixture.CreateAsync(new SqlAuthorizationCodeStore(_database));
    }

    public async Task DisposeAsync()
    {
        _f.Dispose();
        await _database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ProcessAsync_WhenSqlCodeRedeemed_IssuesTokenForTheUser()
    {
        var code = await _f.IssueCodeAsync();

        var result = await _f.RedeemAsync(code);

        Assert.True(result.Succeeded, result.Error?.Description);
        Assert.Equal("official:wang", (await _f.Tokens.Validator.ValidateAsync(result.Response!.AccessToken)).Token!.Subject);
    }

    [Fact]
    public async Task ProcessAsync_WhenSqlCodeReplayed_RevokesTheFirstAccessToken()
    {
        var code = await _f.IssueCodeAsync();
        var first = await _f.RedeemAsync(code);

        var replay = await _f.RedeemAsync(code);

        Assert.Equal(ErrorCode.AuthorizationCodeReplayed, replay.Code);
        Assert.Equal(ErrorCode.AccessTokenRevoked, (await _f.Tokens.Validator.ValidateAsync(first.Response!.AccessToken)).Error!.Value.Code);
    }

    [Fact]
    public async Task ProcessAsync_WhenSqlCodeExpired_Refuses()
    {
        var code = await _f.IssueCodeAsync();
        _f.Tokens.Time.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(ErrorCode.AuthorizationCodeInvalid, (await _f.RedeemAsync(code)).Code);
    }

    [Fact]
    public async Task ProcessAsync_WhenEightSqlRedemptionsRace_AtMostOneSucceedsAndNoTokenSurvives()
    {
        var code = await _f.IssueCodeAsync();
        using var start = new ManualResetEventSlim(false);
        var tasks = new Task<GovAuthZ.Tokens.Grants.TokenEndpointResult>[8];
        for (var i = 0; i < tasks.Length; i++)
        {
            tasks[i] = Task.Run(async () =>
            {
                start.Wait();
                return await _f.RedeemAsync(code);
            });
        }

        start.Set();
        var results = await Task.WhenAll(tasks);

        // Single use: at most one redemption wins. The other seven are replays, and a replay revokes what the
        // code issued (RFC 6749 4.1.2) even when it lands before the winner recorded its tokens, in which case
        // the winner is refused too. So whatever the interleaving, no token from the race stays usable.
        Assert.InRange(results.Count(r => r.Succeeded), 0, 1);
        Assert.All(results, r => Assert.True(r.Succeeded || r.Code == ErrorCode.AuthorizationCodeReplayed, r.Code.ToString()));
        foreach (var winner in results.Where(r => r.Succeeded))
        {
            Assert.False((await _f.Tokens.Validator.ValidateAsync(winner.Response!.AccessToken)).IsValid);
        }
    }

    [Fact]
    public async Task RecordIssuedAsync_WhenReplaySeenBeforeRecording_ReportsItSoTheTokensAreRevoked()
    {
        var codes = new SqlAuthorizationCodeStore(_database);
        var hash = AuthorizationCodes.Hash("c1");
        await codes.StoreAsync(hash, Grant(), default);
        Assert.Equal(CodeRedemptionStatus.Redeemed, (await codes.RedeemAsync(hash, _f.Tokens.Time.GetUtcNow(), default)).Status);
        Assert.Equal(CodeRedemptionStatus.Replayed, (await codes.RedeemAsync(hash, _f.Tokens.Time.GetUtcNow(), default)).Status);

        Assert.True(await codes.RecordIssuedAsync(hash, [new IssuedFromCode("jti-1", _f.Tokens.Time.GetUtcNow().AddMinutes(10))], default));
    }

    [Fact]
    public async Task PruneAsync_WhenCodeExpired_RemovesIt()
    {
        var codes = new SqlAuthorizationCodeStore(_database);
        await codes.StoreAsync(AuthorizationCodes.Hash("c2"), Grant(), default);

        Assert.Equal(1, await codes.PruneAsync(_f.Tokens.Time.GetUtcNow().AddMinutes(2), default));
        Assert.Equal(CodeRedemptionStatus.Invalid, (await codes.RedeemAsync(AuthorizationCodes.Hash("c2"), _f.Tokens.Time.GetUtcNow(), default)).Status);
    }

    [Fact]
    public async Task SqlUserStore_WhenSavedAndRead_RoundTripsOfficialAndCitizen()
    {
        var users = new SqlUserStore(_database, _f.Tokens.Time);
        foreach (var user in DevelopmentUsers.Create())
        {
            await users.SaveAsync(user);
        }

        var wang = await users.FindByIdAsync(DevelopmentUsers.WangId, default);
        var zhang = await users.FindByIdAsync(DevelopmentUsers.ZhangId, default);

        Assert.Equal(3, await users.CountAsync());
        Assert.Equal(["role:caseworker"], wang!.Official!.Roles);
        Assert.Equal(3, wang.Official.Level);
        Assert.Null(zhang!.Official);
        Assert.NotNull(await new UserSignIn(users).SignInAsync(DevelopmentUsers.ZhangId, DevelopmentUsers.ZhangPassword, default));
        Assert.Null(await users.FindByIdAsync("citizen:nobody", default));
    }

    private AuthorizationCodeGrant Grant() => new()
    {
        ClientId = AuthorizationCodeFixture.PortalId,
        RedirectUri = AuthorizationCodeFixture.Redirect,
        CodeChallenge = AuthorizationCodeFixture.Challenge,
        UserId = "official:wang",
        Scopes = ["openid"],
        AuthTime = _f.Tokens.Time.GetUtcNow(),
        ExpiresAt = _f.Tokens.Time.GetUtcNow().AddSeconds(60),
    };
}
