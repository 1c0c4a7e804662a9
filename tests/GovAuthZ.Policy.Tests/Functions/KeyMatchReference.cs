using System.Text;
using System.Text.RegularExpressions;

namespace GovAuthZ.Policy.Tests.Functions;

/// <summary>
/// The slow, obviously-right model the hand-written key matchers are checked against: it builds the
/// regular expression Casbin documents for each function (a "/*" becomes "/.*", a parameter becomes
/// <c>[^/]+</c>, and keyMatch5 drops the query string) with the one documented difference that all other
/// text is escaped, i.e. literal. A '*' that is not part of "/*" is kept as a regex star, as in Casbin.
/// An unreadable pattern surfaces as the <see cref="ArgumentException"/> of the regex parser, plus one
/// explicit rule: a '*' right after a parameter is refused. (Casbin's keyMatch4 and keyGet3 wrap parameters
/// in capture groups, which turns "{id}*" into a legal "([^/]+)*" there while keyMatch3 and keyMatch5
/// reject the same pattern; we reject it everywhere.)
/// </summary>
internal static class KeyMatchReference
{
    private static readonly Regex ColonScan = new(@"/\*|:[^/]+|.", RegexOptions.Singleline);
    private static readonly Regex BraceScan = new(@"/\*|\{[^/]+\}|.", RegexOptions.Singleline);
    private static readonly Regex LazyBraceScan = new(@"/\*|\{[^/]+?\}|.", RegexOptions.Singleline);

    public static bool KeyMatch2(string key, string pattern) =>
        Build(pattern, ColonScan, "[^/]+", names: null).IsMatch(key);

    public static bool KeyMatch3(string key, string pattern) =>
        Build(pattern, BraceScan, "[^/]+", names: null).IsMatch(key);

    public static bool KeyMatch5(string key, string pattern)
    {
        var query = key.IndexOf('?', StringComparison.Ordinal);
        return KeyMatch3(query < 0 ? key : key[..query], pattern);
    }

    public static bool KeyMatch4(string key, string pattern)
    {
        var names = new List<string>();
        var match = Build(pattern, BraceScan, "([^/]+)", names).Match(key);
        if (!match.Success)
        {
            return false;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var value = match.Groups[i + 1].Value;
            if (!values.TryAdd(names[i], value) && values[names[i]] != value)
            {
                return false;
            }
        }

        return true;
    }

    public static string KeyGet2(string key, string pattern, string name) =>
        Get(key, Build(pattern, ColonScan, "([^/]+)", out var names), names, name);

    public static string KeyGet3(string key, string pattern, string name) =>
        Get(key, Build(pattern, LazyBraceScan, "([^/]+?)", out var names), names, name);

    private static string Get(string key, Regex regex, List<string> names, string name)
    {
        var match = regex.Match(key);
        var index = names.IndexOf(name);
        return match.Success && index >= 0 ? match.Groups[index + 1].Value : string.Empty;
    }

    private static Regex Build(string pattern, Regex scan, string parameter, out List<string> names)
    {
        names = [];
        return Build(pattern, scan, parameter, names);
    }

    private static Regex Build(string pattern, Regex scan, string parameter, List<string>? names)
    {
        var text = new StringBuilder(@"\A(?:");
        var afterParameter = false;
        foreach (Match piece in scan.Matches(pattern))
        {
            var value = piece.Value;
            if (value == "*" && afterParameter)
            {
                throw new ArgumentException("'*' after a parameter", nameof(pattern));
            }

            afterParameter = value.Length > 1 && value != "/*";
            if (value == "/*")
            {
                text.Append("/.*");
            }
            else if (value.Length > 1)
            {
                names?.Add(value[0] == ':' ? value[1..] : value[1..^1]);
                text.Append(parameter);
            }
            else
            {
                text.Append(value == "*" ? "*" : Regex.Escape(value));
            }
        }

        return new Regex(text.Append(@")\z").ToString(), RegexOptions.CultureInvariant);
    }
}
