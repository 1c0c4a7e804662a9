using GovAuthZ.Tokens.Sessions;

namespace GovAuthZ.Tokens.Tests.Sessions;

public sealed class EndedSessionStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task PruneAsync_WhenInMemorySessionWouldHaveExpired_ForgetsOnlyThat()
    {
        var store = new InMemoryEndedSessionStore();
        await store.EndAsync("old", Now.AddHours(1), default);
        await store.EndAsync("new", Now.AddHours(8), default);

        Assert.Equal(1, await store.PruneAsync(Now.AddHours(2), default));
        Assert.False(await store.IsEndedAsync("old", default));
        Assert.True(await store.IsEndedAsync("new", default));
    }
}
