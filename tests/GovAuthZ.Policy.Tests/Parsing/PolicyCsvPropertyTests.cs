using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Parsing;

namespace GovAuthZ.Policy.Tests.Parsing;

/// <summary>A rule as the generators produce it; public because property parameters must be.</summary>
public sealed record CsvRule(string Type, string[] Fields)
{
    public override string ToString() =>
        $"[{Escape(Type)}] {string.Join(" | ", Fields.Select(Escape))}";

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : c.ToString()));
}

/// <summary>
/// Generates rules whose fields mix the characters CSV treats specially (separators, quotes, spaces, line
/// breaks, '#', a BOM) with ordinary and non-ASCII text, so quoting decisions are exercised hard.
/// </summary>
public static class PolicyCsvArbitraries
{
    private static readonly char[] Tricky =
    [
        ',', '"', ' ', '\t', '\r', '\n', '#', ';', '\\', '\'', '\0', '\u00A0', '\u2028', '\u3000', '\uFEFF',
        'a', 'p', 'Z', '0', '9', 'é', '数', '据',
    ];

    public static Arbitrary<CsvRule> Rules()
    {
        var anyChar = Gen.Choose(0, 0xFFFF).Select(static i => (char)i);
        var character = Gen.Frequency((6, Gen.Elements(Tricky)), (1, anyChar));
        var generated = Gen.ArrayOf(character).Select(static chars => new string(chars));
        var special = Gen.Elements(string.Empty, " ", "\"\"", "#", "😀", "a, b", " \"x\" ", "\r\n");
        var field = Gen.Frequency((5, generated), (1, special));
        var type = field.Where(static s => s.Length > 0);
        var fields = Gen.NonEmptyListOf(field).Select(static list => list.ToArray());
        return Gen.Zip(type, fields, static (t, f) => new CsvRule(t, f)).ToArbitrary();
    }
}

public sealed class PolicyCsvPropertyTests
{
    [Property(Arbitrary = [typeof(PolicyCsvArbitraries)], MaxTest = 500)]
    public bool Read_WhenTextWasWritten_GivesBackEveryRuleFieldForField(CsvRule[] rules)
    {
        var lines = ToLines(rules);

        var read = PolicyCsv.Read(PolicyCsv.Write(lines), "p.csv");

        return read.Count == lines.Length && read.SequenceEqual(lines);
    }

    [Property(Arbitrary = [typeof(PolicyCsvArbitraries)], MaxTest = 500)]
    public bool Write_WhenRulesWereReadBack_WritesTheSameText(CsvRule[] rules)
    {
        var written = PolicyCsv.Write(ToLines(rules));

        return string.Equals(PolicyCsv.Write(PolicyCsv.Read(written, "p.csv")), written, StringComparison.Ordinal);
    }

    [Property(Arbitrary = [typeof(PolicyCsvArbitraries)], MaxTest = 200)]
    public bool Read_WhenWrittenTextUsesCrLf_GivesBackTheSameRules(CsvRule[] rules)
    {
        // Files checked out on Windows get CRLF line ends; only breaks between rules change, so the rules
        // must come back unchanged as long as no field holds a line break of its own.
        var lines = ToLines(rules.Where(static r => !r.Fields.Any(static f => f.Contains('\n') || f.Contains('\r'))
            && !r.Type.Contains('\n') && !r.Type.Contains('\r')));
        var crlf = PolicyCsv.Write(lines).Replace("\n", "\r\n", StringComparison.Ordinal);

        return PolicyCsv.Read(crlf, "p.csv").SequenceEqual(lines);
    }

    private static PolicyLine[] ToLines(IEnumerable<CsvRule> rules) =>
        [.. (rules ?? []).Select(static r => new PolicyLine(r.Type, r.Fields, SourceLocation.None))];
}
