using System.Buffers;

namespace GovAuthZ.Policy.Functions;

/// <summary>
/// Casbin's key-matching built-ins: keyMatch..keyMatch5 decide whether a request path (key1) matches a
/// policy pattern (key2); keyGet, keyGet2 and keyGet3 return the part of key1 a wildcard or named parameter
/// matched. keyMatch2..5 run per rule and per request, so they are hand-written matchers over a
/// stack-allocated token span (see <see cref="PathPatternParser"/> for the exact pattern language) and
/// allocate nothing; a pattern that cannot be read throws <c>MatcherInvalidPattern</c>.
/// Thread safety: stateless.
/// </summary>
internal static class KeyMatchFunctions
{
    /// <summary>Patterns up to this length are parsed into stack memory; longer ones into a pooled array.</summary>
    private const int StackTokenLimit = 128;

    private static readonly SearchValues<char> ColonSpecials = SearchValues.Create("*:");
    private static readonly SearchValues<char> BraceSpecials = SearchValues.Create("*{");

    /// <summary>
    /// keyMatch: key2 is compared up to its first '*'; everything from the '*' on is ignored and key1 only
    /// has to start with what comes before it ("/foo*" matches "/foo" and "/foobar"). Without '*' the two
    /// must be equal.
    /// </summary>
    public static bool KeyMatch(string key1, string key2)
    {
        var star = key2.IndexOf('*', StringComparison.Ordinal);
        return star < 0
            ? string.Equals(key1, key2, StringComparison.Ordinal)
            : key1.AsSpan().StartsWith(key2.AsSpan(0, star), StringComparison.Ordinal);
    }

    /// <summary>
    /// keyGet: what the '*' of a keyMatch pattern stood for ("/foo/bar" with "/foo/*" gives "bar"); "" when
    /// key2 has no '*', key1 does not match, or the '*' stood for nothing.
    /// </summary>
    public static string KeyGet(string key1, string key2)
    {
        var star = key2.IndexOf('*', StringComparison.Ordinal);
        return star >= 0 && key1.Length > star && key1.AsSpan().StartsWith(key2.AsSpan(0, star), StringComparison.Ordinal)
            ? key1[star..]
            : string.Empty;
    }

    /// <summary>keyMatch2: "/*" matches any rest, <c>:name</c> one non-empty path segment part.</summary>
    public static bool KeyMatch2(string key1, string key2) => Matches(key1, key2, PathDialect.Colon);

    /// <summary>keyMatch3: as keyMatch2 with <c>{name}</c> parameters.</summary>
    public static bool KeyMatch3(string key1, string key2) => Matches(key1, key2, PathDialect.Brace);

    /// <summary>keyMatch5: as keyMatch3, ignoring key1's query string (from its first '?').</summary>
    public static bool KeyMatch5(string key1, string key2)
    {
        var query = key1.IndexOf('?', StringComparison.Ordinal);
        return Matches(query < 0 ? key1 : key1.AsSpan(0, query), key2, PathDialect.Brace);
    }

    /// <summary>
    /// keyMatch4: as keyMatch3, and parameters with the same name must have matched the same text
    /// ("/parent/{id}/child/{id}" matches "/parent/1/child/1", not "/parent/1/child/2"). As in Casbin the
    /// values compared are those of the regex engine's first match; no other split of key1 is tried.
    /// </summary>
    public static bool KeyMatch4(string key1, string key2)
    {
        if (IsLiteral(key2, PathDialect.Brace))
        {
            return string.Equals(key1, key2, StringComparison.Ordinal);
        }

        PathToken[]? rented = null;
        var buffer = key2.Length <= StackTokenLimit
            ? stackalloc PathToken[key2.Length]
            : (rented = ArrayPool<PathToken>.Shared.Rent(key2.Length));
        try
        {
            var tokens = buffer[..PathPatternParser.Parse(key2, PathDialect.Brace, buffer)];
            return PathNfa.IsMatch(tokens, key1)
                && (!PathPatternParser.HasRepeatedName(key2, tokens) || RepeatedValuesAgree(key1, key2, tokens));
        }
        finally
        {
            Return(rented);
        }
    }

    /// <summary>keyGet2: the value the <c>:pathVar</c> parameter of key2 matched in key1, or "".</summary>
    public static string KeyGet2(string key1, string key2, string pathVar) =>
        Get(key1, key2, pathVar, PathDialect.Colon);

    /// <summary>
    /// keyGet3: the value the <c>{pathVar}</c> parameter of key2 matched in key1, or "". Here a parameter
    /// ends at the first '}' and matches as little as it can, so "/{g}_{gn}" splits "a_b_c" into "a", "b_c".
    /// </summary>
    public static string KeyGet3(string key1, string key2, string pathVar) =>
        Get(key1, key2, pathVar, PathDialect.BraceLazy);

    private static bool Matches(ReadOnlySpan<char> key, string pattern, PathDialect dialect)
    {
        var special = pattern.AsSpan().IndexOfAny(dialect == PathDialect.Colon ? ColonSpecials : BraceSpecials);
        if (special < 0)
        {
            return key.SequenceEqual(pattern);
        }

        PathToken[]? rented = null;
        var buffer = pattern.Length <= StackTokenLimit
            ? stackalloc PathToken[pattern.Length]
            : (rented = ArrayPool<PathToken>.Shared.Rent(pattern.Length));
        try
        {
            // Parsing first keeps an invalid pattern an error whatever the key. Then: every character before
            // the first special one is a single literal token (except the one a '*' makes a run), so a key
            // not starting with them cannot match, and most rules of a REST policy, which differ early in
            // their paths, are refused without running the automaton.
            var tokens = buffer[..PathPatternParser.Parse(pattern, dialect, buffer)];
            var literal = pattern[special] == '*' ? special - 1 : special;
            return (literal <= 0 || key.StartsWith(pattern.AsSpan(0, literal), StringComparison.Ordinal))
                && PathNfa.IsMatch(tokens, key);
        }
        finally
        {
            Return(rented);
        }
    }

    private static string Get(string key, string pattern, string pathVar, PathDialect dialect)
    {
        PathToken[]? rented = null;
        var buffer = pattern.Length <= StackTokenLimit
            ? stackalloc PathToken[pattern.Length]
            : (rented = ArrayPool<PathToken>.Shared.Rent(pattern.Length));
        int[]? rentedBounds = null;
        var bounds = pattern.Length <= StackTokenLimit
            ? stackalloc int[pattern.Length]
            : (rentedBounds = ArrayPool<int>.Shared.Rent(pattern.Length));
        try
        {
            var tokens = buffer[..PathPatternParser.Parse(pattern, dialect, buffer)];
            var wanted = ParameterIndex(pattern, tokens, pathVar);
            if (wanted < 0 || !PathCaptures.TryMatch(tokens, key, bounds))
            {
                return string.Empty;
            }

            return key[bounds[2 * wanted]..bounds[(2 * wanted) + 1]];
        }
        finally
        {
            Return(rented);
            if (rentedBounds is not null)
            {
                ArrayPool<int>.Shared.Return(rentedBounds);
            }
        }
    }

    /// <summary>Casbin compares every later occurrence of a name with the value of its first occurrence.</summary>
    private static bool RepeatedValuesAgree(string key, string pattern, ReadOnlySpan<PathToken> tokens)
    {
        // Each parameter takes at least two pattern characters, so 2 bounds per parameter fit in
        // pattern.Length; the pattern was already parsed, so its length is at most MaxPatternLength.
        int[]? rented = null;
        var bounds = pattern.Length <= StackTokenLimit
            ? stackalloc int[pattern.Length]
            : (rented = ArrayPool<int>.Shared.Rent(pattern.Length));
        try
        {
            if (!PathCaptures.TryMatch(tokens, key, bounds))
            {
                return false;
            }

            var later = -1;
            for (var j = 0; j < tokens.Length; j++)
            {
                if (tokens[j].Kind != PathTokenKind.ParamFirst)
                {
                    continue;
                }

                later++;
                var first = ParameterIndex(pattern, tokens, pattern.AsSpan(tokens[j].NameStart, tokens[j].NameLength));
                var a = key.AsSpan(bounds[2 * first], bounds[(2 * first) + 1] - bounds[2 * first]);
                var b = key.AsSpan(bounds[2 * later], bounds[(2 * later) + 1] - bounds[2 * later]);
                if (!a.SequenceEqual(b))
                {
                    return false;
                }
            }

            return true;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The ordinal of the first parameter called <paramref name="name"/>, or -1.</summary>
    private static int ParameterIndex(string pattern, ReadOnlySpan<PathToken> tokens, ReadOnlySpan<char> name)
    {
        var index = -1;
        foreach (var token in tokens)
        {
            if (token.Kind != PathTokenKind.ParamFirst)
            {
                continue;
            }

            index++;
            if (pattern.AsSpan(token.NameStart, token.NameLength).SequenceEqual(name))
            {
                return index;
            }
        }

        return -1;
    }

    /// <summary>A pattern without '*' or a parameter opener can only match itself.</summary>
    private static bool IsLiteral(string pattern, PathDialect dialect) =>
        pattern.AsSpan().IndexOfAny(dialect == PathDialect.Colon ? ColonSpecials : BraceSpecials) < 0;

    private static void Return(PathToken[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<PathToken>.Shared.Return(rented);
        }
    }
}
