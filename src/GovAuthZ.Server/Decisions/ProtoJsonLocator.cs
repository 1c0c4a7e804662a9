using System.Globalization;
using System.Text.Json;
using Google.Protobuf.Reflection;

namespace GovAuthZ.Server.Decisions;

/// <summary>
/// Where a refused body goes wrong: a JSON syntax error as line and column, or the member that does not
/// fit the message as an RFC 6901 JSON pointer.
/// </summary>
internal sealed record JsonErrorLocation(string? Pointer, string? Position, string Reason);

/// <summary>
/// Finds the place Google.Protobuf's JSON parser complained about, which its own messages omit ("Unknown
/// field: x" says neither in which object nor at what depth). Walks the body against the message
/// descriptor by the proto3 JSON mapping's rules. Runs only after a parse failed, never on a good request.
/// </summary>
internal static class ProtoJsonLocator
{
    private const int MaxDepth = 64;

    public static JsonErrorLocation? Locate(string body, MessageDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException error)
        {
            var position = string.Create(CultureInfo.InvariantCulture, $"line {(error.LineNumber ?? 0) + 1}, column {(error.BytePositionInLine ?? 0) + 1}");
            return new JsonErrorLocation(null, position, "not valid JSON");
        }

        using (document)
        {
            return CheckMessage(document.RootElement, descriptor, string.Empty);
        }
    }

    private static JsonErrorLocation? CheckMessage(JsonElement element, MessageDescriptor descriptor, string path)
    {
        if (descriptor.FullName == "google.protobuf.Duration")
        {
            return element.ValueKind == JsonValueKind.String ? null : Mismatch(path, "a duration string such as \"3600s\"", element);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return Mismatch(path, "an object (" + descriptor.Name + ")", element);
        }

        foreach (var member in element.EnumerateObject())
        {
            var memberPath = path + "/" + Escape(member.Name);
            var field = FindField(descriptor, member.Name);
            if (field is null)
            {
                return new JsonErrorLocation(memberPath, null, "unknown field '" + member.Name + "' in " + descriptor.Name);
            }

            if (member.Value.ValueKind != JsonValueKind.Null && CheckField(field, member.Value, memberPath) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static JsonErrorLocation? CheckField(FieldDescriptor field, JsonElement value, string path)
    {
        if (field.IsMap)
        {
            if (value.ValueKind != JsonValueKind.Object)
            {
                return Mismatch(path, "an object (map)", value);
            }

            var valueField = field.MessageType.FindFieldByNumber(2);
            foreach (var entry in value.EnumerateObject())
            {
                if (CheckSingle(valueField, entry.Value, path + "/" + Escape(entry.Name)) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        if (!field.IsRepeated)
        {
            return CheckSingle(field, value, path);
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return Mismatch(path, "an array", value);
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (CheckSingle(field, item, path + "/" + index.ToString(CultureInfo.InvariantCulture)) is { } found)
            {
                return found;
            }

            index++;
        }

        return null;
    }

    private static JsonErrorLocation? CheckSingle(FieldDescriptor field, JsonElement value, string path)
    {
        var kind = value.ValueKind;
        return field.FieldType switch
        {
            FieldType.Message or FieldType.Group => CheckMessage(value, field.MessageType, path),
            FieldType.Enum when kind == JsonValueKind.String => field.EnumType.FindValueByName(value.GetString()) is null
                ? new JsonErrorLocation(path, null, "'" + value.GetString() + "' is not a value of " + field.EnumType.Name)
                : null,
            FieldType.Enum => kind == JsonValueKind.Number ? null : Mismatch(path, "an enum value name", value),
            FieldType.String or FieldType.Bytes => kind == JsonValueKind.String ? null : Mismatch(path, "a string", value),
            FieldType.Bool => kind is JsonValueKind.True or JsonValueKind.False ? null : Mismatch(path, "true or false", value),
            _ => kind is JsonValueKind.Number or JsonValueKind.String ? null : Mismatch(path, "a number", value),
        };
    }

    // The parser accepts both the lowerCamelCase JSON name and the original proto field name.
    private static FieldDescriptor? FindField(MessageDescriptor descriptor, string name)
    {
        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            if (field.JsonName == name || field.Name == name)
            {
                return field;
            }
        }

        return null;
    }

    private static JsonErrorLocation Mismatch(string path, string expected, JsonElement actual) =>
        new(path, null, "expected " + expected + ", found " + actual.ValueKind.ToString().ToLowerInvariant());

    private static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
