namespace GovAuthZ.Server.IntegrationTests.Tokens;

/// <summary>A clock that stands still until a test moves it.</summary>
internal sealed class FixedTime : TimeProvider
{
    public FixedTime(DateTimeOffset now) => Now = now;

    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;
}
