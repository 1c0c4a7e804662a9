using System.Text;
using GovAuthZ.Core.Errors;

namespace GovAuthZ.Policy.Functions;

/// <summary>
/// Casbin's globMatch with the semantics of Go's path.Match: the whole name must match; '*' matches any
/// run of characters other than '/', '?' exactly one character other than '/', <c>[...]</c> one character
/// from a class (see <see cref="GlobSyntax"/>), '\' makes the next character literal. A malformed pattern
/// throws <c>EvalBadArgument</c> whatever the name (Go reports it only when the match reaches the fault).
/// The match follows Go's algorithm step for step: the pattern is cut into chunks, each after a run of
/// stars, and each chunk is matched at the first position that works. Thread safety: stateless; no
/// allocation.
/// </summary>
internal static class GlobFunctions
{
    public static bool GlobMatch(string name, string pattern)
    {
        if (!GlobSyntax.IsValid(pattern))
        {
            throw new GovAuthZException(ErrorCode.EvalBadArgument, $"globMatch: malformed glob pattern {FunctionArguments.Quote(pattern)}");
        }

        return Match(pattern, name);
    }

    private static bool Match(ReadOnlySpan<char> pattern, ReadOnlySpan<char> name)
    {
        // Declared here so that they may hold slices of the arguments (ref-safety scope of the method).
        ReadOnlySpan<char> chunk = default;
        ReadOnlySpan<char> rest = default;
        while (!pattern.IsEmpty)
        {
            var star = NextChunk(ref pattern, out chunk);
            if (star && chunk.IsEmpty)
            {
                // A trailing star takes the rest of the name if the rest stays inside one segment.
                return !name.Contains('/');
            }

            // The last chunk must also use up the name; otherwise the star may still move it along.
            if (TryChunk(chunk, name, out rest) && (rest.IsEmpty || !pattern.IsEmpty))
            {
                name = rest;
                continue;
            }

            if (!star || !TrySkipTo(chunk, pattern.IsEmpty, ref name))
            {
                return false;
            }
        }

        return name.IsEmpty;
    }

    /// <summary>Lets the star before <paramref name="chunk"/> swallow more of the segment until it fits.</summary>
    private static bool TrySkipTo(ReadOnlySpan<char> chunk, bool lastChunk, ref ReadOnlySpan<char> name)
    {
        ReadOnlySpan<char> rest = default;
        for (var i = 0; i < name.Length && name[i] != '/';)
        {
            i += ScalarLength(name[i..]);
            if (TryChunk(chunk, name[i..], out rest) && !(lastChunk && !rest.IsEmpty))
            {
                name = rest;
                return true;
            }
        }

        return false;
    }

    /// <summary>Takes the leading stars and the chunk up to the next star outside a class.</summary>
    private static bool NextChunk(scoped ref ReadOnlySpan<char> pattern, out ReadOnlySpan<char> chunk)
    {
        var stars = 0;
        while (stars < pattern.Length && pattern[stars] == '*')
        {
            stars++;
        }

        pattern = pattern[stars..];
        var inClass = false;
        var i = 0;
        for (; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                i++;
            }
            else if (c == '[' || c == ']')
            {
                inClass = c == '[';
            }
            else if (c == '*' && !inClass)
            {
                break;
            }
        }

        i = Math.Min(i, pattern.Length);
        chunk = pattern[..i];
        pattern = pattern[i..];
        return stars > 0;
    }

    /// <summary>Matches a star-free chunk at the start of <paramref name="name"/>; the pattern is valid.</summary>
    private static bool TryChunk(ReadOnlySpan<char> chunk, ReadOnlySpan<char> name, out ReadOnlySpan<char> rest)
    {
        rest = default;
        var i = 0;
        while (i < chunk.Length)
        {
            if (name.IsEmpty)
            {
                return false;
            }

            switch (chunk[i])
            {
                case '[':
                    Rune.DecodeFromUtf16(name, out var rune, out var consumed);
                    GlobSyntax.TryMatchClass(chunk, ref i, rune.Value, out var admitted);
                    if (!admitted)
                    {
                        return false;
                    }

                    name = name[consumed..];
                    break;
                case '?':
                    if (name[0] == '/')
                    {
                        return false;
                    }

                    name = name[ScalarLength(name)..];
                    i++;
                    break;
                default:
                    i += chunk[i] == '\\' ? 1 : 0;
                    if (chunk[i] != name[0])
                    {
                        return false;
                    }

                    name = name[1..];
                    i++;
                    break;
            }
        }

        rest = name;
        return true;
    }

    /// <summary>Characters in the scalar value starting the text (2 for a surrogate pair, else 1).</summary>
    private static int ScalarLength(ReadOnlySpan<char> text) =>
        text.Length > 1 && char.IsSurrogatePair(text[0], text[1]) ? 2 : 1;
}
