namespace GovAuthZ.Policy.Parsing;

/// <summary>
/// The character classes the policy CSV reader and writer share. They must agree exactly: the writer quotes
/// a field precisely when the reader would otherwise change it, which is what makes a write-read round trip
/// lossless.
/// </summary>
internal static class PolicyCsvSyntax
{
    public const char Quote = '"';
    public const char Separator = ',';
    public const char Comment = '#';
    public const char ByteOrderMark = '\uFEFF';

    /// <summary>Whitespace trimmed around unquoted fields; line breaks are structure, not space.</summary>
    public static bool IsSpace(char c) => c is not ('\r' or '\n') && char.IsWhiteSpace(c);

    public static bool IsLineBreak(int c) => c is '\r' or '\n';
}
