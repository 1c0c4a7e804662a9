namespace GovAuthZ.LoadGen.Tests.Running;

/// <summary>A clock that moves forward by a fixed step each time it is read, so runs of a set duration are deterministic.</summary>
internal sealed class SteppingTimeProvider(TimeSpan step) : TimeProvider
{
    private readonly long _step = (long)(step.TotalSeconds * 1_000_000_000);
    private long _now;

    public override long TimestampFrequency => 1_000_000_000;

    public override long GetTimestamp() => Interlocked.Add(ref _now, _step);
}
