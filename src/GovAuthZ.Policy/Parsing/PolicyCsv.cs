namespace GovAuthZ.Policy.Parsing;

/// <summary>
/// Reads and writes Casbin policy files: CSV (RFC 4180 quoting) where each line is a rule type followed by
/// its fields, e.g. <c>p, alice, data1, read</c>. Field counts are checked against the model by the compiler,
/// not here.
/// </summary>
internal static class PolicyCsv
{
    /// <summary>
    /// Streams the rules of a policy file. Reading is lazy and a syntax error is thrown when the enumeration
    /// reaches it, so a million-line file is never held in memory by this method.
    /// </summary>
    public static IEnumerable<PolicyLine> Read(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fileName);
        return ReadLines(reader, fileName);
    }

    public static List<PolicyLine> Read(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return [.. Read(reader, fileName)];
    }

    public static string Write(IEnumerable<PolicyLine> lines) => PolicyCsvWriter.Write(lines);

    public static void Write(TextWriter writer, IEnumerable<PolicyLine> lines) => PolicyCsvWriter.Write(writer, lines);

    private static IEnumerable<PolicyLine> ReadLines(TextReader reader, string fileName)
    {
        var scanner = new PolicyCsvScanner(reader, fileName);
        while (scanner.TryRead(out var line))
        {
            yield return line;
        }
    }
}
