using System.Collections.Immutable;
using GovAuthZ.Core.Errors;

namespace GovAuthZ.Policy.Parsing;

/// <summary>One comma-separated item of a definition value, trimmed, with its offset in the value.</summary>
internal readonly record struct DefinitionToken(string Text, int Offset);

/// <summary>Splits and checks the comma-separated lists in request, policy and role definitions.</summary>
internal static class DefinitionTokens
{
    public static List<DefinitionToken> Split(string value)
    {
        var tokens = new List<DefinitionToken>();
        var start = 0;
        while (true)
        {
            var comma = value.IndexOf(',', start);
            var end = comma < 0 ? value.Length : comma;
            var item = value.AsSpan(start, end - start);
            var lead = ModelText.CountLeadingWhitespace(item);
            tokens.Add(new DefinitionToken(item[lead..].TrimEnd().ToString(), start + lead));
            if (comma < 0)
            {
                return tokens;
            }

            start = comma + 1;
        }
    }

    /// <summary>
    /// The token names of a request or policy definition. Each becomes a matcher identifier
    /// (<c>r.sub</c>, <c>p.obj</c>), so each must be an identifier and unique within its definition.
    /// </summary>
    public static ImmutableArray<string> Names(ModelAssignment assignment)
    {
        var tokens = Split(assignment.Value);
        var names = ImmutableArray.CreateBuilder<string>(tokens.Count);
        foreach (var token in tokens)
        {
            var location = assignment.LocationAt(token.Offset);
            if (!IsIdentifier(token.Text))
            {
                var detail = token.Text.Length == 0
                    ? $"'{assignment.Key}' has an empty token"
                    : $"'{assignment.Key}' token '{token.Text}' is not an identifier (letters, digits, '_')";
                throw new GovAuthZException(ErrorCode.ModelInvalidDefinition, detail, location);
            }

            if (names.Contains(token.Text))
            {
                throw new GovAuthZException(
                    ErrorCode.ModelInvalidDefinition,
                    $"'{assignment.Key}' declares token '{token.Text}' twice",
                    location);
            }

            names.Add(token.Text);
        }

        return names.MoveToImmutable();
    }

    public static bool IsIdentifier(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || !(char.IsAsciiLetter(text[0]) || text[0] == '_'))
        {
            return false;
        }

        foreach (var c in text[1..])
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
