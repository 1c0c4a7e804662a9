using System.Text.Json.Nodes;
using Google.Protobuf.Reflection;

namespace GovAuthZ.Server.OpenApi;

/// <summary>
/// The well-known types that proto3 JSON writes in a form of their own instead of as objects. A
/// google.protobuf type missing here is refused, so a newly used one cannot be documented wrongly.
/// </summary>
internal static class WellKnownSchemas
{
    private const string Package = "google.protobuf.";

    public static JsonObject? TryCreate(MessageDescriptor message)
    {
        if (!message.FullName.StartsWith(Package, StringComparison.Ordinal))
        {
            return null;
        }

        return message.Name switch
        {
            "Duration" => new JsonObject
            {
                ["type"] = "string",
                ["title"] = "Duration",
                ["description"] = "Seconds with up to nine fractional digits and the suffix s, e.g. \"3600s\" or \"1.5s\".",
                ["pattern"] = "^-?[0-9]+(\\.[0-9]{1,9})?s$",
                ["examples"] = new JsonArray("3600s"),
            },
            "Timestamp" => new JsonObject { ["type"] = "string", ["title"] = "Timestamp", ["format"] = "date-time" },
            "FieldMask" => new JsonObject { ["type"] = "string", ["title"] = "FieldMask", ["description"] = "Comma-separated lowerCamelCase field paths." },
            "Empty" => new JsonObject { ["type"] = "object", ["title"] = "Empty", ["additionalProperties"] = false },
            "Struct" => new JsonObject { ["type"] = "object", ["title"] = "Struct" },
            "Value" => new JsonObject { ["title"] = "Value", ["description"] = "Any JSON value." },
            "ListValue" => new JsonObject { ["type"] = "array", ["title"] = "ListValue" },
            "Any" => new JsonObject
            {
                ["type"] = "object",
                ["title"] = "Any",
                ["required"] = new JsonArray("@type"),
                ["properties"] = new JsonObject { ["@type"] = new JsonObject { ["type"] = "string" } },
            },
            _ when message.Name.EndsWith("Value", StringComparison.Ordinal) => Wrapper(message),
            _ => throw new NotSupportedException("the JSON form of " + message.FullName + " is not described yet"),
        };
    }

    // Wrappers (Int64Value, StringValue...) are written as their bare value.
    private static JsonObject Wrapper(MessageDescriptor message)
    {
        var schema = ScalarSchemas.For(message.FindFieldByNumber(1).FieldType);
        schema["title"] = message.Name;
        return schema;
    }
}
