using GovAuthZ.Server.Configuration;
using GovAuthZ.Server.Decisions;
using Microsoft.Extensions.Logging.Abstractions;

namespace GovAuthZ.Server.IntegrationTests.Decisions;

public sealed class PolicyWatcherTests : IDisposable
{
    private readonly PolicyFolderCopy _folder = new();
    private readonly ManualTimeProvider _time = new();
    private readonly PolicyStore _store;
    private readonly PolicyWatcher _watcher;

    public PolicyWatcherTests()
    {
        _store = new PolicyStore(_folder.Path);
        _store.Reload();
        var options = new ServerOptions { Policy = { ReloadDebounceMs = 250 } };
        _watcher = new PolicyWatcher(new PolicyReloader(_store, NullLogger<PolicyReloader>.Instance), _time, options, NullLogger<PolicyWatcher>.Instance);
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task NotifyChanged_WhenRepeated_RestartsQuietPeriodWithoutReloading()
    {
        await _watcher.StartAsync(CancellationToken.None);

        _watcher.NotifyChanged();
        _watcher.NotifyChanged();
        _watcher.NotifyChanged();

        var timer = Assert.Single(_time.Timers);
        Assert.Equal(3, timer.Restarts);
        Assert.Equal(TimeSpan.FromMilliseconds(250), timer.Due);
        Assert.Equal(1, _store.Current.Bundle!.Revision);
        await _watcher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task NotifyChanged_WhenQuietPeriodElapses_ReloadsOnceToNextRevision()
    {
        await _watcher.StartAsync(CancellationToken.None);
        _watcher.NotifyChanged();

        Assert.Single(_time.Timers).Fire();

        // The worker runs asynchronously; the bound only guards against a hang.
        for (var waited = 0; waited < 10_000 && _store.Current.Bundle!.Revision < 2; waited += 20)
        {
            await Task.Delay(20);
        }

        await _watcher.StopAsync(CancellationToken.None);
        Assert.Equal(2, _store.Current.Bundle!.Revision);
    }

    [Theory]
    [InlineData("model.conf", true)]
    [InlineData("policy.csv", true)]
    [InlineData("catalog.yaml", true)]
    [InlineData("purposes.yaml", true)]
    [InlineData(".policy.csv.swp", false)]
    [InlineData("tests/sharing-types.yaml", false)]
    [InlineData(null, false)]
    public void IsPolicyFile_WhenNameGiven_MatchesOnlyRevisionFiles(string? name, bool expected) =>
        Assert.Equal(expected, PolicyWatcher.IsPolicyFile(name));

    /// <summary>Hands out timers that fire only when the test says so.</summary>
    private sealed class ManualTimeProvider : TimeProvider
    {
        public List<ManualTimer> Timers { get; } = [];

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = new ManualTimer(callback, state);
            Timers.Add(timer);
            return timer;
        }
    }

    private sealed class ManualTimer(TimerCallback callback, object? state) : ITimer
    {
        public TimeSpan Due { get; private set; } = Timeout.InfiniteTimeSpan;

        public int Restarts { get; private set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Due = dueTime;
            Restarts++;
            return true;
        }

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
