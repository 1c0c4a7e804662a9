using System.Globalization;
using GovAuthZ.Core.Errors;

namespace GovAuthZ.Policy.Functions;

/// <summary>
/// Reduces a keyMatch2..5 / keyGet2..3 pattern to <see cref="PathToken"/>s. The reading follows the regular
/// expressions Casbin builds from such a pattern, in the same order: every "/*" stands for "/.*"; then each
/// parameter stands for <c>[^/]+</c>; a '*' after any other character repeats that character (it is a
/// regex star there). Deliberate difference: every other character is literal, whereas Casbin hands
/// them to its regex engine unescaped (there '.' would match any character and "(a|b)" would be a group).
/// Literal is the stricter reading: a policy can only ever match less than under Casbin, never more.
/// </summary>
internal static class PathPatternParser
{
    /// <summary>Longer patterns are refused, which bounds the stack and table sizes of the matchers.</summary>
    public const int MaxPatternLength = 4096;

    /// <summary>
    /// Writes the tokens of <paramref name="pattern"/> to <paramref name="tokens"/> (which must hold at least
    /// <c>pattern.Length</c> elements: no construct yields more tokens than it has characters) and returns
    /// how many were written.
    /// </summary>
    public static int Parse(string pattern, PathDialect dialect, Span<PathToken> tokens)
    {
        if (pattern.Length > MaxPatternLength)
        {
            throw Invalid(pattern, string.Create(
                CultureInfo.InvariantCulture, $"longer than {MaxPatternLength} characters"));
        }

        var count = 0;
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == '/' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                tokens[count++] = PathToken.Char('/');
                tokens[count++] = PathToken.AnyRun();
                i += 2;
            }
            else if (c == '*')
            {
                // Casbin leaves this '*' in its regex, where it repeats the preceding atom. Only a literal
                // character can be repeated here; after a parameter, another star or at the start the
                // regex would not compile, and neither does the pattern.
                if (count == 0 || tokens[count - 1].Kind != PathTokenKind.Literal)
                {
                    throw Invalid(pattern, string.Create(
                        CultureInfo.InvariantCulture, $"'*' at position {i + 1} has nothing to repeat"));
                }

                tokens[count - 1] = tokens[count - 1].ToRun();
                i++;
            }
            else
            {
                var end = ParameterEnd(pattern, i, dialect);
                if (end < 0)
                {
                    tokens[count++] = PathToken.Char(c);
                    i++;
                    continue;
                }

                var closing = dialect == PathDialect.Colon ? 0 : 1;
                tokens[count++] = PathToken.ParamFirst(i + 1, end - i - 1 - closing);
                tokens[count++] = PathToken.ParamRest(dialect == PathDialect.BraceLazy);
                i = end;
            }
        }

        return count;
    }

    /// <summary>Whether two parameters share a name (only then does keyMatch4 need captured values).</summary>
    public static bool HasRepeatedName(string pattern, ReadOnlySpan<PathToken> tokens)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Kind != PathTokenKind.ParamFirst)
            {
                continue;
            }

            for (var j = i + 1; j < tokens.Length; j++)
            {
                if (tokens[j].Kind == PathTokenKind.ParamFirst && SameName(pattern, tokens[i], tokens[j]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static bool SameName(string pattern, PathToken a, PathToken b) =>
        pattern.AsSpan(a.NameStart, a.NameLength).SequenceEqual(pattern.AsSpan(b.NameStart, b.NameLength));

    /// <summary>
    /// If a parameter starts at <paramref name="start"/>, the index just past it; otherwise -1. A parameter
    /// never crosses '/' and its name is never empty (":" or "{}" alone are literal text).
    /// </summary>
    private static int ParameterEnd(string pattern, int start, PathDialect dialect)
    {
        var open = dialect == PathDialect.Colon ? ':' : '{';
        if (pattern[start] != open)
        {
            return -1;
        }

        var segment = pattern.AsSpan(start + 1);
        var slash = segment.IndexOf('/');
        if (slash >= 0)
        {
            segment = segment[..slash];
        }

        if (dialect == PathDialect.Colon)
        {
            return segment.Length == 0 ? -1 : start + 1 + segment.Length;
        }

        // The name needs at least one character, so the closing brace is searched after it.
        if (segment.Length < 2)
        {
            return -1;
        }

        var afterFirst = segment[1..];
        var close = dialect == PathDialect.Brace ? afterFirst.LastIndexOf('}') : afterFirst.IndexOf('}');
        return close < 0 ? -1 : start + 3 + close;
    }

    private static GovAuthZException Invalid(string pattern, string reason) =>
        new(ErrorCode.MatcherInvalidPattern, $"invalid key-match pattern {FunctionArguments.Quote(pattern)}: {reason}");
}
