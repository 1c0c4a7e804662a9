namespace GovAuthZ.LoadGen.Running;

/// <summary>
/// The run's time source: timestamps from an injected <see cref="TimeProvider"/> (the system's
/// high-resolution clock in real runs, a stepping fake in tests), converted to nanoseconds.
/// </summary>
internal sealed class Clock(TimeProvider time)
{
    private readonly TimeProvider _time = time;
    private readonly long _frequency = time.TimestampFrequency;
    private readonly double _nanosecondsPerTick = 1e9 / time.TimestampFrequency;

    public static Clock System { get; } = new(TimeProvider.System);

    public long Now() => _time.GetTimestamp();

    /// <summary>On Linux a system tick already is one nanosecond; elsewhere, scale.</summary>
    public long ToNanoseconds(long ticks) => _frequency == 1_000_000_000 ? ticks : (long)(ticks * _nanosecondsPerTick);

    public long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * _frequency);
}
