namespace GovAuthZ.Policy.Parsing;

/// <summary>Character-level helpers for reading a model file line by line.</summary>
internal static class ModelText
{
    /// <summary>
    /// Reads the next physical line (without its terminator) starting at <paramref name="position"/>.
    /// LF, CRLF and a lone CR all end a line, so files saved on any platform read the same; a final line
    /// break closes the last line rather than opening an empty one.
    /// </summary>
    public static bool TryReadLine(string text, ref int position, out ReadOnlySpan<char> line)
    {
        if (position >= text.Length)
        {
            line = default;
            return false;
        }

        var rest = text.AsSpan(position);
        var end = rest.IndexOfAny('\r', '\n');
        if (end < 0)
        {
            line = rest;
            position = text.Length;
            return true;
        }

        line = rest[..end];
        var crlf = rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n';
        position += end + (crlf ? 2 : 1);
        return true;
    }

    /// <summary>
    /// Where a comment starts on a line, or the line's length. Casbin cuts a model line at the first '#' or
    /// ';'; we do the same except inside a quoted string literal, so a matcher may compare with "a#b".
    /// </summary>
    public static int CommentStart(ReadOnlySpan<char> line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c is '#' or ';')
            {
                return i;
            }
        }

        return line.Length;
    }

    public static int CountLeadingWhitespace(ReadOnlySpan<char> text)
    {
        var count = 0;
        while (count < text.Length && char.IsWhiteSpace(text[count]))
        {
            count++;
        }

        return count;
    }
}
