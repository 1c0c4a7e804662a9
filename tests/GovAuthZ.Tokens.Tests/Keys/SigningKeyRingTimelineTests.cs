using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Keys;
using GovAuthZ.Tokens.Tests.Fakes;

namespace GovAuthZ.Tokens.Tests.Keys;

/// <summary>
/// The rotation timeline with lead time 1 h, access tokens 10 min, ID tokens 5 min, skew 30 s, so the
/// retirement window is 10 min 30 s.
/// </summary>
public sealed class SigningKeyRingTimelineTests
{
    private static readonly TimeSpan Lead = TimeSpan.FromHours(1);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10.5);

    [Fact]
    public async Task InitializeAsync_WhenStoreEmpty_CreatesOneActiveEs256Key()
    {
        using var fixture = await TokenFixture.CreateAsync();

        var key = Assert.Single(fixture.Ring.GetKeys());

        Assert.Equal(SigningKeyState.Active, key.State);
        Assert.Equal("ES256", key.Algorithm);
        Assert.Equal(Window, fixture.Ring.RetirementWindow);
    }

    [Fact]
    public async Task InitializeAsync_WhenCalledAgain_AddsNoKey()
    {
        using var fixture = await TokenFixture.CreateAsync();

        await fixture.Ring.InitializeAsync();

        Assert.Single(fixture.Ring.GetKeys());
    }

    [Fact]
    public async Task RotateAsync_WhenCalled_PublishesNewKeyBeforeItSigns()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var oldKid = ForgedTokens.ActiveKid(fixture);

        var newKid = await fixture.Ring.RotateAsync();

        Assert.Contains(fixture.Ring.GetJwks().Keys, k => k.KeyId == newKid);
        Assert.Equal(SigningKeyState.Published, State(fixture, newKid));
        Assert.Equal(oldKid, fixture.IssueOfficialToken().KeyId);

        fixture.Time.Advance(Lead - TimeSpan.FromSeconds(1));
        Assert.Equal(oldKid, fixture.IssueOfficialToken().KeyId);

        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(newKid, fixture.IssueOfficialToken().KeyId);
        Assert.Equal(SigningKeyState.Active, State(fixture, newKid));
        Assert.Equal(SigningKeyState.Retired, State(fixture, oldKid));
    }

    [Fact]
    public async Task RotateAsync_WhenOldKeyRetired_KeepsItPublishedUntilItsLastTokenExpiresThenRemovesIt()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var oldKid = ForgedTokens.ActiveKid(fixture);
        await fixture.Ring.RotateAsync();

        // The last token the old key signs, one second before the switch.
        fixture.Time.Advance(Lead - TimeSpan.FromSeconds(1));
        var last = fixture.IssueOfficialToken();
        Assert.Equal(oldKid, last.KeyId);
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var switchedAt = fixture.Time.GetUtcNow();

        // Retired but still published and still verifying, until retirement + window.
        Assert.True((await fixture.Validator.ValidateAsync(last.Token)).IsValid);
        fixture.Time.Set(last.ExpiresAt + TimeSpan.FromSeconds(29));
        Assert.True((await fixture.Validator.ValidateAsync(last.Token)).IsValid);
        Assert.Contains(fixture.Ring.GetJwks().Keys, k => k.KeyId == oldKid);

        fixture.Time.Set(switchedAt + Window - TimeSpan.FromSeconds(1));
        Assert.Equal(SigningKeyState.Retired, State(fixture, oldKid));
        Assert.Contains(fixture.Ring.GetJwks().Keys, k => k.KeyId == oldKid);

        fixture.Time.Set(switchedAt + Window);
        Assert.Equal(SigningKeyState.Removed, State(fixture, oldKid));
        Assert.DoesNotContain(fixture.Ring.GetJwks().Keys, k => k.KeyId == oldKid);
        Assert.Equal(ErrorCode.AccessTokenKeyUnknown, (await fixture.Validator.ValidateAsync(last.Token)).Code);
    }

    [Fact]
    public async Task ValidateAsync_WhenTokenSignedByRetiredKey_AcceptsUntilRemoval()
    {
        var options = TokenFixture.DefaultOptions();
        options.AccessTokenLifetime = TimeSpan.FromMinutes(20);
        using var fixture = await TokenFixture.CreateAsync(options);
        var first = fixture.IssueOfficialToken();
        await fixture.Ring.RotateAsync();
        fixture.Time.Advance(Lead);

        var second = fixture.IssueOfficialToken();

        Assert.NotEqual(first.KeyId, second.KeyId);
        Assert.Equal(SigningKeyState.Retired, State(fixture, first.KeyId));
        var result = await fixture.Validator.ValidateAsync(fixture.IssueOfficialToken().Token);
        Assert.True(result.IsValid);
        Assert.True((await fixture.Validator.ValidateAsync(ForgedWithKey(fixture, first.KeyId))).IsValid);
    }

    [Fact]
    public async Task ValidateAsync_WhenTokenNamesAPublishedKeyThatHasNotStartedSigning_RejectsKey()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var newKid = await fixture.Ring.RotateAsync();

        var result = await fixture.Validator.ValidateAsync(ForgedWithKey(fixture, newKid));

        Assert.Equal(ErrorCode.AccessTokenKeyUnknown, result.Code);
    }

    [Fact]
    public async Task ValidateAsync_WhenPublishedKeyStartsWithinSkew_Accepts()
    {
        // A replica whose clock runs ahead may sign with the new key a little early.
        using var fixture = await TokenFixture.CreateAsync();
        var newKid = await fixture.Ring.RotateAsync();

        fixture.Time.Advance(Lead - fixture.Options.ClockSkew);
        var result = await fixture.Validator.ValidateAsync(ForgedWithKey(fixture, newKid));

        Assert.True(result.IsValid, result.Error?.Description);
    }

    [Fact]
    public async Task RotateAsync_WhenEarlierKeysPastRemoval_DropsThemFromTheStore()
    {
        using var fixture = await TokenFixture.CreateAsync();
        await fixture.Ring.RotateAsync();
        fixture.Time.Advance(Lead + Window);

        await fixture.Ring.RotateAsync();

        Assert.Equal(2, (await fixture.Store.LoadAsync(default)).Records.Count);
        Assert.Equal([SigningKeyState.Active, SigningKeyState.Published], fixture.Ring.GetKeys().Select(k => k.State));
    }

    [Fact]
    public async Task PruneAsync_WhenKeyRemoved_DeletesItsRecord()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var oldKid = ForgedTokens.ActiveKid(fixture);
        await fixture.Ring.RotateAsync();
        fixture.Time.Advance(Lead + Window);

        await fixture.Ring.PruneAsync();

        var records = (await fixture.Store.LoadAsync(default)).Records;
        Assert.DoesNotContain(records, r => r.KeyId == oldKid);
        Assert.Single(records);
    }

    [Fact]
    public async Task RotateIfDueAsync_FollowsTheRotationInterval()
    {
        using var fixture = await TokenFixture.CreateAsync();

        fixture.Time.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        Assert.False(await fixture.Ring.RotateIfDueAsync());

        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await fixture.Ring.RotateIfDueAsync());

        // A successor is waiting: calling again (from another replica, say) adds nothing.
        Assert.False(await fixture.Ring.RotateIfDueAsync());
        Assert.Equal(2, fixture.Ring.GetKeys().Count);
    }

    [Fact]
    public async Task RevokeAsync_WhenSignerCompromised_RemovesItAtOnceAndPromotesTheWaitingKey()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var compromised = fixture.IssueOfficialToken();
        var waiting = await fixture.Ring.RotateAsync();

        await fixture.Ring.RevokeAsync(compromised.KeyId);

        Assert.DoesNotContain(fixture.Ring.GetJwks().Keys, k => k.KeyId == compromised.KeyId);
        Assert.Equal(ErrorCode.AccessTokenKeyUnknown, (await fixture.Validator.ValidateAsync(compromised.Token)).Code);
        Assert.Equal(waiting, fixture.IssueOfficialToken().KeyId);
    }

    [Fact]
    public async Task RevokeAsync_WhenSignerCompromisedAndNoneWaiting_CreatesAFreshSigner()
    {
        using var fixture = await TokenFixture.CreateAsync();
        var oldKid = ForgedTokens.ActiveKid(fixture);
        await fixture.Ring.RotateAsync();
        fixture.Time.Advance(Lead);
        var compromised = ForgedTokens.ActiveKid(fixture);

        await fixture.Ring.RevokeAsync(compromised);
        var next = fixture.IssueOfficialToken();

        Assert.NotEqual(compromised, next.KeyId);
        Assert.NotEqual(oldKid, next.KeyId); // never back to the retired key
        Assert.True((await fixture.Validator.ValidateAsync(next.Token)).IsValid);
    }

    private static SigningKeyState State(TokenFixture fixture, string kid) =>
        fixture.Ring.GetKeys().Single(k => k.KeyId == kid).State;

    private static string ForgedWithKey(TokenFixture fixture, string kid)
    {
        var key = (Microsoft.IdentityModel.Tokens.ECDsaSecurityKey)fixture.Ring.Snapshot.Keys.Single(k => k.KeyId == kid).SecurityKey;
        var header = ForgedTokens.Header(fixture);
        header["kid"] = kid;
        return JwtForge.SignEs256(header, ForgedTokens.Payload(fixture), key.ECDsa);
    }
}
