using FsCheck;
using FsCheck.Fluent;

namespace GovAuthZ.Policy.Tests.Functions;

/// <summary>A generated key-match input: a request key, a pattern and a parameter name to extract.</summary>
public sealed record PathCase(string Key, string Pattern, string Name)
{
    public override string ToString() => $"key=\"{Escape(Key)}\" pattern=\"{Escape(Pattern)}\" name=\"{Escape(Name)}\"";

    private static string Escape(string s) => s.Replace("\n", "\\n", StringComparison.Ordinal);
}

/// <summary>
/// Generators of <see cref="PathCase"/> over a small alphabet, so that wildcards, parameters, separators and
/// regex-looking characters collide often. Patterns mix single characters with whole parameters drawn from
/// the same few names the extracted name is drawn from; most keys are derived from their pattern
/// (pieces mostly kept, parameters mostly filled with a plausible value) so that matches are common.
/// </summary>
public static class PathArbitraries
{
    private static readonly char[] PatternAlphabet = ['/', '/', 'a', 'b', '1', ':', '{', '}', '*', '?', '.', '\n'];
    private static readonly char[] KeyAlphabet = ['/', 'a', 'b', '1', ':', '{', '}', '?', '.'];
    private static readonly char[] SegmentAlphabet = ['a', 'b', '1', '}', '?', '.'];
    private static readonly string[] Names = ["a", "b", "ab", "a}", "a*", "1"];

    public static Arbitrary<PathCase> PathCase() => Arb.From(CaseGen(), Shrink);

    private static Gen<PathCase> CaseGen() =>
        from length in Gen.Choose(0, 8)
        from pieces in Gen.ArrayOf(PieceGen(), length)
        from derived in Gen.Frequency((7, Gen.Constant(true)), (3, Gen.Constant(false)))
        from key in derived ? Derive(pieces) : StringOf(KeyAlphabet, 14)
        from name in NameGen(pieces)
        select new PathCase(key, string.Concat(pieces), name);

    /// <summary>Mostly the name of one of the pattern's parameters, so that extraction has work to do.</summary>
    private static Gen<string> NameGen(string[] pieces)
    {
        var used = pieces.Where(p => p.Length > 1 && p != "/*").Select(p => p.Trim(':', '{', '}', '/')).ToArray();
        return used.Length == 0
            ? Gen.Elements(Names)
            : Gen.Frequency((7, Gen.Elements(used)), (3, Gen.Elements(Names)));
    }

    private static Gen<string> PieceGen() => Gen.Frequency(
        (8, Gen.Elements(PatternAlphabet).Select(c => c.ToString())),
        (1, Gen.Elements(Names).Select(n => ":" + n)),
        (2, Gen.Elements(Names).Select(n => ":" + n + "/")),
        (2, Gen.Elements(Names).Select(n => "{" + n + "}")),
        (1, Gen.Constant("/*")));

    /// <summary>A key built piece by piece from the pattern: mostly kept, parameters mostly filled in.</summary>
    private static Gen<string> Derive(string[] pieces) =>
        from parts in Gen.CollectToArray(pieces, piece => piece.Length > 1 && piece != "/*"
            ? Gen.Frequency(
                (6, StringOf(SegmentAlphabet, 3).Where(v => v.Length > 0).Select(v => piece[^1] == '/' ? v + "/" : v)),
                (2, Gen.Constant(piece)),
                (2, StringOf(KeyAlphabet, 3)))
            : Gen.Frequency((17, Gen.Constant(piece)), (3, StringOf(KeyAlphabet, 3))))
        select string.Concat(parts);

    private static Gen<string> StringOf(char[] alphabet, int maxLength) =>
        from length in Gen.Choose(0, maxLength)
        from chars in Gen.ArrayOf(Gen.Elements(alphabet), length)
        select new string(chars);

    private static Gen<string> Derive(string pattern) =>
        from pieces in Gen.CollectToArray(pattern, c => Gen.Frequency(
            (7, Gen.Constant(c.ToString())),
            (3, StringOf(KeyAlphabet, 3))))
        select string.Concat(pieces);

    private static IEnumerable<PathCase> Shrink(PathCase value)
    {
        for (var i = 0; i < value.Pattern.Length; i++)
        {
            yield return value with { Pattern = value.Pattern.Remove(i, 1) };
        }

        for (var i = 0; i < value.Key.Length; i++)
        {
            yield return value with { Key = value.Key.Remove(i, 1) };
        }
    }
}
