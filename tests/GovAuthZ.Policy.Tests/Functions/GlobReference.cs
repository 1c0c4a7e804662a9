using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GovAuthZ.Policy.Tests.Functions;

/// <summary>
/// Go's path.Match pattern language translated to an anchored .NET regex ('*' is <c>[^/]*</c>, '?' is
/// <c>[^/]</c>, classes keep their ranges) as an independent model of globMatch. Null means malformed.
/// Only for BMP text, which is all the property tests generate.
/// </summary>
internal static class GlobReference
{
    public static bool? Match(string name, string pattern)
    {
        var regex = Translate(pattern);
        return regex is null ? null : Regex.IsMatch(name, regex, RegexOptions.CultureInvariant);
    }

    private static string? Translate(string pattern)
    {
        var text = new StringBuilder(@"\A(?:");
        for (var i = 0; i < pattern.Length;)
        {
            switch (pattern[i])
            {
                case '*':
                    text.Append("[^/]*");
                    i++;
                    break;
                case '?':
                    text.Append("[^/]");
                    i++;
                    break;
                case '\\':
                    if (i + 1 == pattern.Length)
                    {
                        return null;
                    }

                    text.Append(Regex.Escape(pattern[i + 1].ToString()));
                    i += 2;
                    break;
                case '[':
                    var cls = TranslateClass(pattern, ref i);
                    if (cls is null)
                    {
                        return null;
                    }

                    text.Append(cls);
                    break;
                default:
                    text.Append(Regex.Escape(pattern[i].ToString()));
                    i++;
                    break;
            }
        }

        return text.Append(@")\z").ToString();
    }

    private static string? TranslateClass(string pattern, ref int i)
    {
        i++;
        var negated = i < pattern.Length && pattern[i] == '^';
        i += negated ? 1 : 0;
        var ranges = new List<(char Low, char High)>();
        while (!(i < pattern.Length && pattern[i] == ']' && ranges.Count > 0))
        {
            if (!TryEnd(pattern, ref i, out var low))
            {
                return null;
            }

            var high = low;
            if (pattern[i] == '-')
            {
                i++;
                if (!TryEnd(pattern, ref i, out high))
                {
                    return null;
                }
            }

            ranges.Add((low, high));
        }

        i++;
        var usable = ranges.Where(r => r.Low <= r.High).ToList();
        if (usable.Count == 0)
        {
            return negated ? @"[\s\S]" : "(?!)";
        }

        var body = string.Concat(usable.Select(r => string.Create(CultureInfo.InvariantCulture, $@"\u{(int)r.Low:X4}-\u{(int)r.High:X4}")));
        return "[" + (negated ? "^" : string.Empty) + body + "]";
    }

    private static bool TryEnd(string pattern, ref int i, out char value)
    {
        value = '\0';
        if (i >= pattern.Length || pattern[i] is '-' or ']')
        {
            return false;
        }

        if (pattern[i] == '\\' && ++i >= pattern.Length)
        {
            return false;
        }

        value = pattern[i++];
        return i < pattern.Length;
    }
}
