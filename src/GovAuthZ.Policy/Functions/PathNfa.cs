using System.Numerics;

namespace GovAuthZ.Policy.Functions;

/// <summary>
/// Decides whether a whole key matches a token sequence by simulating the pattern's automaton: the live
/// states are a bit set over token positions (state t = "the next element to match is token t"), advanced
/// once per key character. Time is O(key length x live states) with no backtracking, so no pattern/key pair
/// can make it slow; memory is two small stack bit sets.
/// </summary>
internal static class PathNfa
{
    public static bool IsMatch(ReadOnlySpan<PathToken> tokens, ReadOnlySpan<char> key)
    {
        // Parser.MaxPatternLength bounds the token count, so these stay a few hundred bytes at most.
        var words = (tokens.Length + 64) / 64;
        Span<ulong> current = stackalloc ulong[words];
        Span<ulong> next = stackalloc ulong[words];
        Enter(tokens, current, 0);

        foreach (var c in key)
        {
            next.Clear();
            if (!Step(tokens, current, next, c))
            {
                return false;
            }

            var swap = current;
            current = next;
            next = swap;
        }

        return IsSet(current, tokens.Length);
    }

    /// <summary>Advances every live state over <paramref name="c"/>; false when no state survives.</summary>
    private static bool Step(ReadOnlySpan<PathToken> tokens, ReadOnlySpan<ulong> current, Span<ulong> next, char c)
    {
        var alive = false;
        for (var w = 0; w < current.Length; w++)
        {
            var bits = current[w];
            while (bits != 0)
            {
                var state = (w * 64) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                if (state == tokens.Length || !tokens[state].Accepts(c))
                {
                    continue;
                }

                // A run stays where it is after consuming; a single-character element moves on.
                Enter(tokens, next, tokens[state].Repeats ? state : state + 1);
                alive = true;
            }
        }

        return alive;
    }

    /// <summary>
    /// Makes <paramref name="state"/> live together with every state reachable without consuming input:
    /// a run may match nothing, so the state after it is live too.
    /// </summary>
    private static void Enter(ReadOnlySpan<PathToken> tokens, Span<ulong> set, int state)
    {
        while (!IsSet(set, state))
        {
            set[state >> 6] |= 1UL << (state & 63);
            if (state == tokens.Length || !tokens[state].Repeats)
            {
                return;
            }

            state++;
        }
    }

    private static bool IsSet(ReadOnlySpan<ulong> set, int state) => (set[state >> 6] & (1UL << (state & 63))) != 0;
}
