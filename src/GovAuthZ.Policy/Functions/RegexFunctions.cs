using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using GovAuthZ.Core.Errors;

namespace GovAuthZ.Policy.Functions;

/// <summary>
/// Casbin's regexMatch: whether the pattern occurs anywhere in the input (an unanchored search; anchor
/// with ^ and $ to match whole strings). The pattern is .NET regex syntax, which shares RE2's common core.
/// Time is bounded: patterns are compiled for the non-backtracking engine, linear in the input; only
/// patterns that engine cannot run (backreferences, lookarounds, atomic groups) fall back to the
/// backtracking engine under <see cref="BacktrackingTimeout"/>.
/// Thread safety: the compiled-pattern cache is a concurrent dictionary; Regex instances are thread-safe.
/// </summary>
internal static class RegexFunctions
{
    /// <summary>When the cache holds this many patterns it is emptied, bounding memory for churning policies.</summary>
    public const int CacheCapacity = 4096;

    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);
    private static long _timeoutTicks = TimeSpan.FromMilliseconds(100).Ticks;

    /// <summary>
    /// How long a fallback (backtracking) match may run before it fails with <c>EvalRegexTimeout</c>;
    /// 100 ms by default. Setting it empties the cache so every later compilation uses the new limit.
    /// </summary>
    public static TimeSpan BacktrackingTimeout
    {
        get => TimeSpan.FromTicks(Volatile.Read(ref _timeoutTicks));
        set
        {
            if (value <= TimeSpan.Zero || value.TotalMilliseconds >= int.MaxValue)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "the regex timeout must be positive and under 24 days");
            }

            Interlocked.Exchange(ref _timeoutTicks, value.Ticks);
            Cache.Clear();
        }
    }

    public static bool RegexMatch(string input, string pattern)
    {
        var regex = Cache.TryGetValue(pattern, out var cached) ? cached : Compile(pattern);
        try
        {
            return regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException e)
        {
            // The input is request data (possibly personal): only the policy's pattern is named.
            throw new GovAuthZException(
                ErrorCode.EvalRegexTimeout,
                string.Create(CultureInfo.InvariantCulture, $"regular expression {FunctionArguments.Quote(pattern)} did not finish within {e.MatchTimeout.TotalMilliseconds} ms"),
                SourceLocation.None,
                e);
        }
    }

    private static Regex Compile(string pattern)
    {
        Regex regex;
        try
        {
            regex = CompileLinear(pattern) ?? new Regex(pattern, RegexOptions.CultureInvariant, BacktrackingTimeout);
        }
        catch (ArgumentException e)
        {
            throw new GovAuthZException(
                ErrorCode.MatcherInvalidPattern,
                $"invalid regular expression {FunctionArguments.Quote(pattern)}: {e.Message}",
                SourceLocation.None,
                e);
        }

        if (Cache.Count >= CacheCapacity)
        {
            Cache.Clear();
        }

        // Two threads may compile the same pattern at once; either result is correct, one is kept.
        return Cache.GetOrAdd(pattern, regex);
    }

    /// <summary>The linear-time compilation, or null when the pattern uses what that engine lacks.</summary>
    private static Regex? CompileLinear(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, Regex.InfiniteMatchTimeout);
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
