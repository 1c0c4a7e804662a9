using System.Text.Json.Nodes;
using Google.Protobuf.Reflection;

namespace GovAuthZ.Server.OpenApi;

/// <summary>The proto3 JSON form of each scalar field type (protobuf language guide, "JSON Mapping").</summary>
internal static class ScalarSchemas
{
    public static JsonObject For(FieldType type) => type switch
    {
        FieldType.String => new JsonObject { ["type"] = "string" },
        FieldType.Bool => new JsonObject { ["type"] = "boolean" },
        FieldType.Bytes => new JsonObject { ["type"] = "string", ["contentEncoding"] = "base64" },
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => new JsonObject { ["type"] = "integer", ["format"] = "int32" },
        FieldType.UInt32 or FieldType.Fixed32 => new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["maximum"] = uint.MaxValue },

        // 64-bit values are written as decimal strings: JSON numbers lose precision past 2^53 in most clients.
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => DecimalString("int64", "^-?[0-9]+$"),
        FieldType.UInt64 or FieldType.Fixed64 => DecimalString("uint64", "^[0-9]+$"),
        FieldType.Float or FieldType.Double => FloatingPoint(type == FieldType.Float ? "float" : "double"),
        _ => throw new NotSupportedException("no JSON mapping for field type " + type),
    };

    private static JsonObject DecimalString(string format, string pattern) => new()
    {
        ["type"] = "string",
        ["format"] = format,
        ["pattern"] = pattern,
    };

    // Non-finite values have no JSON number form, so proto3 JSON spells them as strings.
    private static JsonObject FloatingPoint(string format) => new()
    {
        ["oneOf"] = new JsonArray(
            new JsonObject { ["type"] = "number", ["format"] = format },
            new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("NaN", "Infinity", "-Infinity") }),
    };
}
