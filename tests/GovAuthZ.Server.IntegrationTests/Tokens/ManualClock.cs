namespace GovAuthZ.Server.IntegrationTests.Tokens;

/// <summary>
/// A clock with timers that moves only when a test advances it; each timer due by then fires on the
/// advancing thread, once per elapsed period. Enough for <see cref="PeriodicTimer"/> over a TimeProvider.
/// </summary>
internal sealed class ManualClock : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now;

    public ManualClock(DateTimeOffset start) => _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        return timer;
    }

    public void Advance(TimeSpan by)
    {
        ManualTimer[] timers;
        DateTimeOffset now;
        lock (_gate)
        {
            _now += by;
            now = _now;
            timers = [.. _timers];
        }

        foreach (var timer in timers)
        {
            timer.FireDue(now);
        }
    }

    private void Remove(ManualTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        private DateTimeOffset? _due;
        private TimeSpan _period;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _due = dueTime == Timeout.InfiniteTimeSpan ? null : clock.GetUtcNow() + dueTime;
            _period = period;
            return true;
        }

        public void FireDue(DateTimeOffset now)
        {
            while (_due is { } due && due <= now)
            {
                _due = _period == Timeout.InfiniteTimeSpan || _period <= TimeSpan.Zero ? null : due + _period;
                callback(state);
            }
        }

        public void Dispose()
        {
            _due = null;
            clock.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
