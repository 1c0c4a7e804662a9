using System.Buffers;
using System.Globalization;

namespace GovAuthZ.Policy.Parsing;

/// <summary>
/// Writes policy lines in the form Casbin files use (<c>p, alice, data1, read</c>), one rule per line, LF
/// line endings and a final newline. A field is quoted only when reading it back unquoted would change it,
/// so <c>Read(Write(x))</c> gives back <c>x</c> and writing that again gives the same bytes.
/// </summary>
internal static class PolicyCsvWriter
{
    private static readonly SearchValues<char> MustQuote = SearchValues.Create(",\"\r\n");

    public static string Write(IEnumerable<PolicyLine> lines)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, lines);
        return writer.ToString();
    }

    public static void Write(TextWriter writer, IEnumerable<PolicyLine> lines)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var line in lines)
        {
            Validate(line);
            WriteLine(writer, line);

            // Not WriteLine: the writer's NewLine may be CRLF, and the format is LF everywhere.
            writer.Write('\n');
        }
    }

    /// <summary>One line without its terminator; tolerant of an incomplete line, for diagnostics.</summary>
    public static string Format(PolicyLine line)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteLine(writer, line);
        return writer.ToString();
    }

    /// <summary>
    /// Whether a field needs quotes: when it is empty, holds a separator, quote or line break, has leading or
    /// trailing whitespace (the reader trims it), starts with '#' (a comment as a line's first field) or
    /// starts with U+FEFF (a byte order mark as the file's first character, which the reader drops).
    /// </summary>
    public static bool NeedsQuotes(string field) =>
        field.Length == 0
        || char.IsWhiteSpace(field[0])
        || char.IsWhiteSpace(field[^1])
        || field[0] is PolicyCsvSyntax.Comment or PolicyCsvSyntax.ByteOrderMark
        || field.AsSpan().ContainsAny(MustQuote);

    private static void WriteLine(TextWriter writer, PolicyLine line)
    {
        WriteField(writer, line.Type ?? string.Empty);
        foreach (var field in line.Fields ?? [])
        {
            writer.Write(", ");
            WriteField(writer, field ?? string.Empty);
        }
    }

    private static void WriteField(TextWriter writer, string field)
    {
        if (!NeedsQuotes(field))
        {
            writer.Write(field);
            return;
        }

        writer.Write(PolicyCsvSyntax.Quote);
        var rest = field.AsSpan();
        int quote;
        while ((quote = rest.IndexOf(PolicyCsvSyntax.Quote)) >= 0)
        {
            writer.Write(rest[..(quote + 1)]);
            writer.Write(PolicyCsvSyntax.Quote);
            rest = rest[(quote + 1)..];
        }

        writer.Write(rest);
        writer.Write(PolicyCsvSyntax.Quote);
    }

    private static void Validate(PolicyLine line)
    {
        if (string.IsNullOrEmpty(line.Type))
        {
            throw new ArgumentException("a policy line needs a type", nameof(line));
        }

        if (line.Fields is null || line.Fields.Length == 0)
        {
            throw new ArgumentException($"policy line of type '{line.Type}' has no fields", nameof(line));
        }

        if (Array.IndexOf(line.Fields, null) >= 0)
        {
            throw new ArgumentException($"policy line of type '{line.Type}' has a null field", nameof(line));
        }
    }
}
