using FsCheck;
using FsCheck.Fluent;

namespace GovAuthZ.Policy.Tests.Functions;

/// <summary>A generated globMatch input.</summary>
public sealed record GlobCase(string Name, string Pattern)
{
    public override string ToString() => $"name=\"{Name}\" pattern=\"{Pattern}\"";
}

/// <summary>
/// Patterns from glob pieces (stars, '?', escapes, classes with ranges and negation, and stray class
/// characters so that malformed patterns occur) and names that are often derived from the pattern.
/// Negated classes here always exclude '/': Go commits each chunk to the first position that fits, which
/// equals the regex model's "any split" only while no class can match '/' (a chunk then cannot slide
/// across a segment boundary). The Go-specific outcome for classes that match '/' is pinned by examples.
/// </summary>
public static class GlobArbitraries
{
    private static readonly char[] NameAlphabet = ['/', 'a', 'b', 'c', '-', ']', '^', '*'];

    public static Arbitrary<GlobCase> GlobCase() => Arb.From(CaseGen().Where(c => NoClassMatchesSlash(c.Pattern)), Shrink);

    /// <summary>
    /// True when every bracket run in the pattern (also one formed by concatenated stray pieces, such as
    /// "[ab" + "/" + "]") cannot match '/': a plain class without '/', or a negated class with '/'. Only
    /// then does the regex model describe Go's first-fit matching (see the summary above).
    /// </summary>
    internal static bool NoClassMatchesSlash(string pattern)
    {
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
            {
                i++;
                continue;
            }

            if (pattern[i] != '[')
            {
                continue;
            }

            var end = pattern.IndexOf(']', Math.Min(i + 2, pattern.Length));
            var body = end < 0 ? pattern[(i + 1)..] : pattern[(i + 1)..end];
            var negated = body.StartsWith('^');
            if (negated != body.Contains('/', StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static Gen<GlobCase> CaseGen() =>
        from length in Gen.Choose(0, 7)
        from pieces in Gen.ArrayOf(PieceGen(), length)
        from derived in Gen.Elements(true, false)
        from name in derived ? Derive(pieces) : StringOf(NameAlphabet, 8)
        select new GlobCase(name, string.Concat(pieces));

    private static Gen<string> PieceGen() => Gen.Frequency(
        (6, Gen.Elements("a", "b", "c", "/", "-", "]", "^")),
        (3, Gen.Elements("*", "**", "?")),
        (1, Gen.Elements("\\*", "\\[", "\\", "\\a")),
        (3, Gen.Elements("[a]", "[^a/]", "[a-c]", "[^/b-c]", "[c-a]", "[/]", "[\\]a]", "[\\-]", "[ab", "[]a]", "[-a]", "[a-]", "[^]", "[*]")));

    /// <summary>A name built from the pattern: literal pieces mostly kept, wildcards mostly filled in.</summary>
    private static Gen<string> Derive(string[] pieces) =>
        from parts in Gen.CollectToArray(pieces, piece => piece.Length == 1 && piece[0] is not ('*' or '?' or '\\')
            ? Gen.Frequency((8, Gen.Constant(piece)), (2, StringOf(NameAlphabet, 2)))
            : StringOf(NameAlphabet, 3))
        select string.Concat(parts);

    private static Gen<string> StringOf(char[] alphabet, int maxLength) =>
        from length in Gen.Choose(0, maxLength)
        from chars in Gen.ArrayOf(Gen.Elements(alphabet), length)
        select new string(chars);

    private static IEnumerable<GlobCase> Shrink(GlobCase value)
    {
        for (var i = 0; i < value.Pattern.Length; i++)
        {
            var shorter = value.Pattern.Remove(i, 1);
            if (NoClassMatchesSlash(shorter))
            {
                yield return value with { Pattern = shorter };
            }
        }

        for (var i = 0; i < value.Name.Length; i++)
        {
            yield return value with { Name = value.Name.Remove(i, 1) };
        }
    }
}
