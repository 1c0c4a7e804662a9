using System.Globalization;

namespace GovAuthZ.LoadGen.Cli;

/// <summary>Durations on the command line: a number with a unit (us, ms, s, m), or plain seconds.</summary>
internal static class DurationText
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var (number, unitSeconds) = Split(text.Trim());
        if (unitSeconds == 0
            || !double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || double.IsInfinity(value * unitSeconds)
            || value * unitSeconds > TimeSpan.FromDays(1).TotalSeconds)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(value * unitSeconds);
        return true;
    }

    private static (string Number, double UnitSeconds) Split(string text)
    {
        // Longest suffix first: "ms" and "us" end in "s".
        if (text.EndsWith("us", StringComparison.Ordinal))
        {
            return (text[..^2], 1e-6);
        }

        if (text.EndsWith("ms", StringComparison.Ordinal))
        {
            return (text[..^2], 1e-3);
        }

        if (text.EndsWith('s'))
        {
            return (text[..^1], 1);
        }

        if (text.EndsWith('m'))
        {
            return (text[..^1], 60);
        }

        return (text, 1);
    }
}
