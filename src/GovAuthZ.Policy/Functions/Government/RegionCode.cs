using GovAuthZ.Core.Errors;

namespace GovAuthZ.Policy.Functions.Government;

/// <summary>
/// Administrative division codes (GB/T 2260) and the township codes built on them, as decimal digit text:
/// <list type="bullet">
/// <item>6 digits PPCCDD: province PP, city CC, county DD. PP0000 is provincial (320000 Jiangsu),
/// PPCC00 municipal (320100 Nanjing), PPCCDD county level (320118 Gaochun).</item>
/// <item>9 digits: a 6-digit county code and a township number 001-999 (320118101). The 6-digit part
/// may also be a municipal code, for the cities with towns directly beneath them (441900 Dongguan).</item>
/// <item>The nation has no GB/T 2260 code; we write it 000000, which is otherwise unused.</item>
/// </list>
/// A code covers itself and every code below it. Invalid codes (non-digits, other lengths, a zero
/// province with a non-zero rest, a zero city with a non-zero county, township number 000) are rejected.
/// Thread safety: stateless; no allocation except for errors.
/// </summary>
internal static class RegionCode
{
    /// <summary>Our code for the nation as a whole.</summary>
    public const string National = "000000";

    public static bool TryGetLevel(string code, out AdministrativeLevel level) => TryGetLevel(code.AsSpan(), out level);

    public static bool TryGetLevel(ReadOnlySpan<char> code, out AdministrativeLevel level)
    {
        level = default;
        if (code.Length == 9)
        {
            if (!TryGetLevel(code[..6], out var parent)
                || parent is not (AdministrativeLevel.Municipal or AdministrativeLevel.County)
                || !AllDigits(code[6..]) || code[6..].SequenceEqual("000"))
            {
                return false;
            }

            level = AdministrativeLevel.Township;
            return true;
        }

        if (code.Length != 6 || !AllDigits(code))
        {
            return false;
        }

        var province = IsZero(code[..2]);
        var city = IsZero(code[2..4]);
        var county = IsZero(code[4..]);
        level = (province, city, county) switch
        {
            (true, true, true) => AdministrativeLevel.National,
            (false, true, true) => AdministrativeLevel.Provincial,
            (false, false, true) => AdministrativeLevel.Municipal,
            (false, false, false) => AdministrativeLevel.County,
            _ => default,
        };
        return level != default;
    }

    /// <summary>
    /// Whether <paramref name="jurisdiction"/> is <paramref name="target"/> or above it: 000000 covers every
    /// code, 320000 covers 3201xx, 320118 and 320118101, and 320100 covers 320118 but not 320200 or 320000.
    /// </summary>
    public static bool Covers(string jurisdiction, string target)
    {
        var above = LevelOf(jurisdiction);
        var below = LevelOf(target);
        if (above > below)
        {
            return false;
        }

        // The digits that identify a region at each level; everything below shares them.
        var significant = above switch
        {
            AdministrativeLevel.National => 0,
            AdministrativeLevel.Provincial => 2,
            AdministrativeLevel.Municipal => 4,
            AdministrativeLevel.County => 6,
            _ => 9,
        };
        return jurisdiction.AsSpan(0, significant).SequenceEqual(target.AsSpan(0, significant));
    }

    private static AdministrativeLevel LevelOf(string code) =>
        TryGetLevel(code, out var level)
            ? level
            : throw new GovAuthZException(ErrorCode.EvalBadArgument, $"invalid region code {FunctionArguments.Quote(code)}");

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsZero(ReadOnlySpan<char> digits) => digits.IndexOfAnyExcept('0') < 0;
}
