using System.Text;

namespace GovAuthZ.Policy.Functions;

/// <summary>
/// The grammar of Go's path.Match patterns: validation of a whole pattern and reading of character classes
/// <c>[...]</c>. A class is '[', an optional '^', then one or more ranges ("c" or "lo-hi", each end a
/// character or '\' and a character; an unescaped '-' or ']' may not start a range), then ']'. Classes
/// compare whole Unicode scalar values and, as in Go, may match '/'.
/// </summary>
internal static class GlobSyntax
{
    /// <summary>Whether every escape is complete and every class well formed.</summary>
    public static bool IsValid(ReadOnlySpan<char> pattern)
    {
        var i = 0;
        while (i < pattern.Length)
        {
            switch (pattern[i])
            {
                case '\\':
                    if (i + 1 >= pattern.Length)
                    {
                        return false;
                    }

                    i += 2;
                    break;
                case '[':
                    if (!TryMatchClass(pattern, ref i, 0, out _))
                    {
                        return false;
                    }

                    break;
                default:
                    i++;
                    break;
            }
        }

        return true;
    }

    /// <summary>
    /// Reads the class starting at <c>pattern[i] == '['</c>, leaves <paramref name="i"/> after its ']' and
    /// says whether it admits <paramref name="scalar"/>. False when the class is malformed.
    /// </summary>
    public static bool TryMatchClass(ReadOnlySpan<char> pattern, ref int i, int scalar, out bool admitted)
    {
        admitted = false;
        i++;
        var negated = i < pattern.Length && pattern[i] == '^';
        if (negated)
        {
            i++;
        }

        var ranges = 0;
        while (i >= pattern.Length || pattern[i] != ']' || ranges == 0)
        {
            if (!TryReadEnd(pattern, ref i, out var low))
            {
                return false;
            }

            var high = low;
            if (pattern[i] == '-')
            {
                i++;
                if (!TryReadEnd(pattern, ref i, out high))
                {
                    return false;
                }
            }

            // A reversed range is legal in Go and admits nothing.
            admitted |= low <= scalar && scalar <= high;
            ranges++;
        }

        i++;
        admitted ^= negated;
        return true;
    }

    /// <summary>
    /// One end of a range. Go also fails when nothing follows it (the class is unterminated), so on success
    /// <c>pattern[i]</c> exists.
    /// </summary>
    private static bool TryReadEnd(ReadOnlySpan<char> pattern, ref int i, out int scalar)
    {
        scalar = 0;
        if (i >= pattern.Length || pattern[i] == '-' || pattern[i] == ']')
        {
            return false;
        }

        if (pattern[i] == '\\' && ++i >= pattern.Length)
        {
            return false;
        }

        if (Rune.DecodeFromUtf16(pattern[i..], out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }

        scalar = rune.Value;
        i += consumed;
        return i < pattern.Length;
    }
}
