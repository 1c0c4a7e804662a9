using System.Buffers;

namespace GovAuthZ.Policy.Functions;

/// <summary>
/// Matches a key against a token sequence and reports where each parameter's value lies, with the same
/// choice of values a backtracking regex engine makes (greedy parameters take as much as they can, lazy ones
/// as little). It first fills a table "tokens t.. can match key p.." from the end backwards, then walks from
/// the start taking, at every choice, the preferred option the table says can still succeed. That gives
/// the engine's first match in O(tokens x key) time whatever the input, with no backtracking.
/// </summary>
internal static class PathCaptures
{
    private const int StackTableWords = 256;

    /// <summary>
    /// True if the whole <paramref name="key"/> matches; then <paramref name="bounds"/> holds, for the i-th
    /// parameter, its value's start at [2i] and end (exclusive) at [2i+1].
    /// </summary>
    public static bool TryMatch(ReadOnlySpan<PathToken> tokens, ReadOnlySpan<char> key, Span<int> bounds)
    {
        var rowWords = (key.Length + 64) / 64;
        var size = (tokens.Length + 1) * rowWords;
        ulong[]? rented = null;
        var table = size <= StackTableWords
            ? stackalloc ulong[size]
            : (rented = ArrayPool<ulong>.Shared.Rent(size)).AsSpan(0, size);
        try
        {
            table.Clear();
            var reach = new Table(table, rowWords);
            Fill(tokens, key, reach);
            if (!reach.Get(0, 0))
            {
                return false;
            }

            Walk(tokens, key, reach, bounds);
            return true;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<ulong>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Sets (t, p) when tokens[t..] can match exactly key[p..].</summary>
    private static void Fill(ReadOnlySpan<PathToken> tokens, ReadOnlySpan<char> key, Table reach)
    {
        reach.Set(tokens.Length, key.Length);
        for (var t = tokens.Length - 1; t >= 0; t--)
        {
            var token = tokens[t];
            for (var p = key.Length; p >= 0; p--)
            {
                var consumes = p < key.Length && token.Accepts(key[p]);
                var value = token.Repeats
                    ? reach.Get(t + 1, p) || (consumes && reach.Get(t, p + 1))
                    : consumes && reach.Get(t + 1, p + 1);
                if (value)
                {
                    reach.Set(t, p);
                }
            }
        }
    }

    /// <summary>Follows the preferred successful path, recording parameter bounds. Requires (0, 0) set.</summary>
    private static void Walk(ReadOnlySpan<PathToken> tokens, ReadOnlySpan<char> key, Table reach, Span<int> bounds)
    {
        var p = 0;
        var parameter = -1;
        for (var t = 0; t < tokens.Length; t++)
        {
            var token = tokens[t];
            switch (token.Kind)
            {
                case PathTokenKind.Literal:
                    p++;
                    break;
                case PathTokenKind.ParamFirst:
                    parameter++;
                    bounds[2 * parameter] = p;
                    p++;
                    break;
                case PathTokenKind.ParamRestLazy:
                    // Lazy: stop as soon as the rest can match from here.
                    while (!reach.Get(t + 1, p))
                    {
                        p++;
                    }

                    bounds[(2 * parameter) + 1] = p;
                    break;
                default:
                    // Greedy: take one more character whenever the run can still succeed after it.
                    while (p < key.Length && token.Accepts(key[p]) && reach.Get(t, p + 1))
                    {
                        p++;
                    }

                    if (token.Kind == PathTokenKind.ParamRest)
                    {
                        bounds[(2 * parameter) + 1] = p;
                    }

                    break;
            }
        }
    }

    /// <summary>A bit matrix over (token index, key position), one row of words per token index.</summary>
    private readonly ref struct Table
    {
        private readonly Span<ulong> _bits;
        private readonly int _rowWords;

        public Table(Span<ulong> bits, int rowWords)
        {
            _bits = bits;
            _rowWords = rowWords;
        }

        public bool Get(int token, int position) =>
            (_bits[(token * _rowWords) + (position >> 6)] & (1UL << (position & 63))) != 0;

        public void Set(int token, int position) =>
            _bits[(token * _rowWords) + (position >> 6)] |= 1UL << (position & 63);
    }
}
