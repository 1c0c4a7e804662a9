using GovAuthZ.Core.Errors;

namespace GovAuthZ.Policy.Parsing;

/// <summary>
/// Reads a Casbin model file (.conf) into a <see cref="ModelDocument"/>: INI-like sections, <c>key = value</c>
/// assignments split at the first '=', '#' and ';' comments, and values continued over several lines with a
/// trailing backslash. It checks the file's shape only; <see cref="ModelDefinition"/> gives values meaning.
/// </summary>
internal static class ModelParser
{
    public static ModelDocument Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);

        var builder = new ModelDocumentBuilder(fileName);
        var position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var lineNumber = 0;
        while (ModelText.TryReadLine(text, ref position, out var line))
        {
            lineNumber++;
            ParseLine(builder, line, lineNumber);
        }

        return builder.Build();
    }

    private static void ParseLine(ModelDocumentBuilder builder, ReadOnlySpan<char> line, int lineNumber)
    {
        var content = line[..ModelText.CommentStart(line)];
        var lead = ModelText.CountLeadingWhitespace(content);
        var trimmed = content[lead..].TrimEnd();
        var column = lead + 1;
        var isHeader = trimmed.Length > 0 && trimmed[0] == '[';

        if (builder.HasPending)
        {
            // As in Casbin, a blank line, a comment line or a section header ends a continued value.
            if (trimmed.IsEmpty || (isHeader && trimmed[^1] == ']'))
            {
                builder.FinishPending();
            }
            else
            {
                builder.ContinuePending(trimmed, lineNumber, column);
                return;
            }
        }

        if (trimmed.IsEmpty)
        {
            return;
        }

        if (isHeader)
        {
            ParseHeader(builder, trimmed, lineNumber, column);
        }
        else
        {
            ParseAssignment(builder, trimmed, lineNumber, column);
        }
    }

    private static void ParseHeader(ModelDocumentBuilder builder, ReadOnlySpan<char> header, int line, int column)
    {
        if (header[^1] != ']')
        {
            throw builder.Error(ErrorCode.ModelSyntax, "section header has no closing ']'", line, column);
        }

        var inner = header[1..^1];
        var nameLead = ModelText.CountLeadingWhitespace(inner);
        var name = inner[nameLead..].TrimEnd().ToString();
        var nameColumn = column + 1 + nameLead;
        if (!ModelSections.IsKnown(name))
        {
            var detail = $"unknown section [{name}]; a model has [{ModelSections.Request}], "
                + $"[{ModelSections.Policy}], [{ModelSections.Role}], [{ModelSections.Effect}] "
                + $"and [{ModelSections.Matchers}]";
            throw builder.Error(ErrorCode.ModelUnknownSection, detail, line, nameColumn);
        }

        builder.OpenSection(name, line, column);
    }

    private static void ParseAssignment(ModelDocumentBuilder builder, ReadOnlySpan<char> text, int line, int column)
    {
        if (!builder.HasSection)
        {
            throw builder.Error(
                ErrorCode.ModelSyntax, "text outside any section; start the file with a [section] header", line, column);
        }

        var equals = text.IndexOf('=');
        if (equals < 0)
        {
            throw builder.Error(ErrorCode.ModelSyntax, "expected 'key = value' but found no '='", line, column);
        }

        var key = text[..equals].TrimEnd();
        if (key.IsEmpty)
        {
            throw builder.Error(ErrorCode.ModelSyntax, "missing key before '='", line, column);
        }

        var value = text[(equals + 1)..];
        var valueLead = ModelText.CountLeadingWhitespace(value);
        builder.StartPending(key.ToString(), line, column, column + equals);
        builder.ContinuePending(value[valueLead..], line, column + equals + 1 + valueLead);
    }
}
