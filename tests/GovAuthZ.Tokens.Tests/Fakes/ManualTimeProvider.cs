namespace GovAuthZ.Tokens.Tests.Fakes;

/// <summary>A clock that moves only when the test says so.</summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private DateTimeOffset _now;

    public ManualTimeProvider(DateTimeOffset start)
    {
        _now = start;
    }

    public static DateTimeOffset DefaultStart { get; } = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public ManualTimeProvider()
        : this(DefaultStart)
    {
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void Set(DateTimeOffset now) => _now = now;
}
