using System.Text.Json;
using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Evaluation;

namespace GovAuthZ.Cli.Commands;

/// <summary>Turns command-line words and JSON Lines into request values.</summary>
internal static class RequestValues
{
    /// <summary>A word that parses as a JSON object is an ABAC attribute object; anything else is a string.</summary>
    public static Value FromWord(string word)
    {
        var trimmed = word.AsSpan().TrimStart();
        if (trimmed.Length > 0 && trimmed[0] == '{')
        {
            try
            {
                using var document = JsonDocument.Parse(word);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    return AttributeObject.FromJson(document.RootElement);
                }
            }
            catch (JsonException)
            {
                // Not JSON after all: the word stands as a plain string, as documented.
            }
        }

        return Value.FromString(word);
    }

    /// <summary>Parses one JSON Lines request: a JSON array of strings, numbers, booleans or objects.</summary>
    public static Value[] FromJsonLine(ReadOnlyMemory<byte> line, long lineNumber)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException error)
        {
            throw new GovAuthZException(ErrorCode.InputMalformedJson, $"line {lineNumber}: not valid JSON ({error.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                throw new GovAuthZException(ErrorCode.InputInvalidRequest, $"line {lineNumber}: a request must be a JSON array of values, not {root.ValueKind.ToString().ToLowerInvariant()}");
            }

            var values = new Value[root.GetArrayLength()];
            var i = 0;
            foreach (var element in root.EnumerateArray())
            {
                values[i] = AttributeObject.FromJson(element, $"line {lineNumber}: value {i + 1}");
                i++;
            }

            return values;
        }
    }
}
