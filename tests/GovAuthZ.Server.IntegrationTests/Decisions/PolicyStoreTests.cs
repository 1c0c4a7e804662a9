using GovAuthZ.Server.Decisions;

namespace GovAuthZ.Server.IntegrationTests.Decisions;

public sealed class PolicyStoreTests : IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
    private readonly PolicyFolderCopy _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task WaitForChangeAsync_WhenNewerStateAlreadyPublished_ReturnsItAtOnce()
    {
        var store = new PolicyStore(_folder.Path);
        var seen = store.Current;
        var loaded = store.Reload();

        var pending = store.WaitForChangeAsync(seen, CancellationToken.None);

        Assert.True(pending.IsCompleted);
        Assert.Same(loaded, await pending);
    }

    [Fact]
    public async Task WaitForChangeAsync_WhenReloadPublishes_CompletesWithTheNewState()
    {
        var store = new PolicyStore(_folder.Path);
        var seen = store.Reload();

        var pending = store.WaitForChangeAsync(seen, CancellationToken.None).AsTask();
        Assert.False(pending.IsCompleted);
        var next = store.Reload();

        Assert.Same(next, await pending.WaitAsync(Guard));
        Assert.Equal(2, next.Bundle!.Revision);
    }

    [Fact]
    public async Task WaitForChangeAsync_WhenReloadIsRejected_StillReportsTheNewState()
    {
        var store = new PolicyStore(_folder.Path);
        var seen = store.Reload();
        _folder.Edit("model.conf", "[matchers]", "[matchers");

        var pending = store.WaitForChangeAsync(seen, CancellationToken.None).AsTask();
        store.Reload();
        var next = await pending.WaitAsync(Guard);

        Assert.Same(seen.Bundle, next.Bundle);
        Assert.NotNull(next.LastReloadError);
    }

    [Fact]
    public async Task WaitForChangeAsync_WhenCancelled_ThrowsAndLeavesTheStoreUsable()
    {
        var store = new PolicyStore(_folder.Path);
        var seen = store.Reload();
        using var cancel = new CancellationTokenSource();

        var pending = store.WaitForChangeAsync(seen, cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        var again = store.WaitForChangeAsync(seen, CancellationToken.None).AsTask();
        store.Reload();
        Assert.Equal(2, (await again.WaitAsync(Guard)).Bundle!.Revision);
    }
}
