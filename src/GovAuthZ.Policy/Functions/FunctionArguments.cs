namespace GovAuthZ.Policy.Functions;

/// <summary>Formatting of argument values for error messages.</summary>
internal static class FunctionArguments
{
    /// <summary>Messages quote at most this many characters of a value so a huge argument cannot flood a log.</summary>
    public const int MaxQuotedLength = 64;

    /// <summary>The value in single quotes, cut to <see cref="MaxQuotedLength"/> characters with "..." if longer.</summary>
    public static string Quote(string value) =>
        value.Length <= MaxQuotedLength
            ? string.Concat("'", value, "'")
            : string.Concat("'", value.AsSpan(0, MaxQuotedLength), "...'");
}
