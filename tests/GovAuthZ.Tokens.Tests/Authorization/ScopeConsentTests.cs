using GovAuthZ.Tokens.Authorization;
namespace GovAuthZ.Tokens.Tests.Authorization;

public sealed class ScopeConsentTests
{
    [Fact]
    public void Covers_WhenRequestNarrowerOrEqual_IsTrueAndWiderIsFalse()
    {
        string[] granted = ["consent:read", "openid"];

        Assert.True(ScopeConsents.Covers(granted, ["openid"]));
        Assert.True(ScopeConsents.Covers(granted, ["openid", "consent:read"]));
        Assert.False(ScopeConsents.Covers(granted, ["openid", "consent:write"]));
        Assert.False(ScopeConsents.Covers([], ["openid"]));
    }

    [Fact]
    public async Task GrantAsync_WhenGrantedTwice_InMemoryKeepsTheUnionPerUserAndClient()
    {
        var store = new InMemoryScopeConsentStore();

        await store.GrantAsync("citizen:zhang", "app", ["openid"], default);
        await store.GrantAsync("citizen:zhang", "app", ["consent:read"], default);

        Assert.Equal(["consent:read", "openid"], await store.GetGrantedAsync("citizen:zhang", "app", default));
        Assert.Empty(await store.GetGrantedAsync("citizen:li", "app", default));
    }
}
