using GovAuthZ.Grpc.Protocol;

namespace GovAuthZ.Grpc.Tests.Protocol;

public sealed class GrpcTimeoutTests
{
    public static TheoryData<string, long> ValidValues => new()
    {
        { "2H", 2 * TimeSpan.TicksPerHour },
        { "3M", 3 * TimeSpan.TicksPerMinute },
        { "10S", 10 * TimeSpan.TicksPerSecond },
        { "250m", 250 * TimeSpan.TicksPerMillisecond },
        { "7u", 7 * TimeSpan.TicksPerMicrosecond },
        { "1000n", 10 },
        { "150n", 2 },
        { "1n", 1 },
        { "0S", 0 },
        { "00000001S", TimeSpan.TicksPerSecond },
        { "99999999H", 99_999_999 * TimeSpan.TicksPerHour },
    };

    [Theory]
    [MemberData(nameof(ValidValues))]
    public void TryParse_WhenValueHasDigitsAndUnit_ReturnsTimeout(string value, long ticks)
    {
        Assert.True(GrpcTimeout.TryParse(value, out var timeout));
        Assert.Equal(ticks, timeout.Ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("10")]
    [InlineData("123456789S")]
    [InlineData("-1S")]
    [InlineData("+1S")]
    [InlineData(" 1S")]
    [InlineData("1S ")]
    [InlineData("1 S")]
    [InlineData("1s")]
    [InlineData("1h")]
    [InlineData("1X")]
    [InlineData("1.5S")]
    [InlineData("1SS")]
    [InlineData("١S")]
    public void TryParse_WhenValueIsOutsideGrammar_ReturnsFalse(string value) =>
        Assert.False(GrpcTimeout.TryParse(value, out _));

    [Theory]
    [InlineData(0L, "0n")]
    [InlineData(5L, "500n")]
    [InlineData(TimeSpan.TicksPerSecond / 100, "10000000n")]
    [InlineData(TimeSpan.TicksPerSecond, "1000000u")]
    [InlineData(TimeSpan.TicksPerHour, "3600000m")]
    [InlineData(200 * TimeSpan.TicksPerDay, "17280000S")]
    [InlineData(-TimeSpan.TicksPerSecond, "0n")]
    public void Format_WhenGivenTimeSpan_UsesFinestUnitThatFits(long ticks, string expected) =>
        Assert.Equal(expected, GrpcTimeout.Format(TimeSpan.FromTicks(ticks)));

    [Fact]
    public void Format_WhenTimeoutIsHuge_ClampsToLargestValue() =>
        Assert.Equal("99999999H", GrpcTimeout.Format(TimeSpan.MaxValue));

    [Fact]
    public void Format_WhenNotExact_RoundsUpSoDeadlineIsNeverShortened()
    {
        var timeout = TimeSpan.FromTicks((TimeSpan.TicksPerSecond * 2) + 1);

        var header = GrpcTimeout.Format(timeout);

        Assert.True(GrpcTimeout.TryParse(header, out var parsed));
        Assert.True(parsed >= timeout);
        Assert.True(parsed - timeout < TimeSpan.FromMilliseconds(1));
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(123_456_789L)]
    [InlineData(TimeSpan.TicksPerDay * 3)]
    public void Format_WhenParsedBack_FitsGrammarAndCoversTimeout(long ticks)
    {
        var header = GrpcTimeout.Format(TimeSpan.FromTicks(ticks));

        Assert.True(header.Length <= GrpcTimeout.MaxDigits + 1);
        Assert.True(GrpcTimeout.TryParse(header, out var parsed));
        Assert.True(parsed.Ticks >= ticks);
    }
}
