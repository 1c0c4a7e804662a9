using System.Globalization;

namespace GovAuthZ.Grpc.Protocol;

/// <summary>
/// The <c>grpc-timeout</c> header: TimeoutValue (at most 8 ASCII digits) then one TimeoutUnit
/// (H hours, M minutes, S seconds, m milliseconds, u microseconds, n nanoseconds).
/// </summary>
internal static class GrpcTimeout
{
    public const int MaxDigits = 8;

    private const long MaxValue = 99_999_999;

    /// <summary>
    /// Parses a header value. Anything outside the grammar (signs, spaces, a 9th digit, no or unknown
    /// unit) is refused, so the caller can answer with an error instead of guessing a deadline.
    /// A value of 0 is accepted as an already expired deadline.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> value, out TimeSpan timeout)
    {
        timeout = default;
        var digits = value.Length - 1;
        if (digits < 1 || digits > MaxDigits)
        {
            return false;
        }

        long amount = 0;
        for (var i = 0; i < digits; i++)
        {
            var c = value[i];
            if (c < '0' || c > '9')
            {
                return false;
            }

            amount = (amount * 10) + (c - '0');
        }

        // 99,999,999 hours is about 11,400 years, inside TimeSpan's range, so none of these overflow.
        switch (value[digits])
        {
            case 'H': timeout = TimeSpan.FromTicks(amount * TimeSpan.TicksPerHour); return true;
            case 'M': timeout = TimeSpan.FromTicks(amount * TimeSpan.TicksPerMinute); return true;
            case 'S': timeout = TimeSpan.FromTicks(amount * TimeSpan.TicksPerSecond); return true;
            case 'm': timeout = TimeSpan.FromTicks(amount * TimeSpan.TicksPerMillisecond); return true;
            case 'u': timeout = TimeSpan.FromTicks(amount * TimeSpan.TicksPerMicrosecond); return true;
            case 'n': timeout = TimeSpan.FromTicks(CeilingDivide(amount, TimeSpan.NanosecondsPerTick)); return true;
            default: return false;
        }
    }

    /// <summary>
    /// Formats a timeout in the finest unit whose value fits in 8 digits. Values are rounded up so a
    /// propagated deadline is never made shorter than asked; negative values become 0 and values past
    /// the largest expressible (99999999H) are clamped to it.
    /// </summary>
    public static string Format(TimeSpan timeout)
    {
        var ticks = Math.Max(timeout.Ticks, 0L);
        if (ticks <= MaxValue / TimeSpan.NanosecondsPerTick)
        {
            return Compose(ticks * TimeSpan.NanosecondsPerTick, 'n');
        }

        ReadOnlySpan<long> unitTicks = [TimeSpan.TicksPerMicrosecond, TimeSpan.TicksPerMillisecond, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMinute];
        ReadOnlySpan<char> units = ['u', 'm', 'S', 'M'];
        for (var i = 0; i < unitTicks.Length; i++)
        {
            var amount = CeilingDivide(ticks, unitTicks[i]);
            if (amount <= MaxValue)
            {
                return Compose(amount, units[i]);
            }
        }

        return Compose(Math.Min(CeilingDivide(ticks, TimeSpan.TicksPerHour), MaxValue), 'H');
    }

    // Written without value + divisor - 1 so TimeSpan.MaxValue cannot overflow.
    private static long CeilingDivide(long value, long divisor) => (value / divisor) + (value % divisor == 0 ? 0 : 1);

    private static string Compose(long amount, char unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{amount}{unit}");
}
