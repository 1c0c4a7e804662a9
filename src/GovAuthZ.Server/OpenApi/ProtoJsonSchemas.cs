using System.Text.Json.Nodes;
using Google.Protobuf.Reflection;

namespace GovAuthZ.Server.OpenApi;

/// <summary>
/// JSON Schemas (the OpenAPI 3.1 dialect) for protobuf messages as the proto3 JSON mapping writes and reads
/// them, generated from the descriptors so the REST contract can never drift from the proto contract:
/// lowerCamelCase member names, enums as value names, 64-bit integers as decimal strings, bytes as base64,
/// repeated fields as arrays, maps as objects, well-known types in their special forms (Duration "3600s").
/// Every message and enum reachable from the roots lands in <see cref="Schemas"/>, keyed by full name.
/// </summary>
internal sealed class ProtoJsonSchemas
{
    public const string RefPrefix = "#/components/schemas/";

    private readonly SortedDictionary<string, JsonObject> _schemas = new(StringComparer.Ordinal);

    /// <summary>Schemas by full proto name, in name order so the document is stable byte for byte.</summary>
    public IReadOnlyDictionary<string, JsonObject> Schemas => _schemas;

    /// <summary>A reference to the schema of <paramref name="message"/>, adding it and what it reaches.</summary>
    public JsonObject RefTo(MessageDescriptor message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!_schemas.ContainsKey(message.FullName))
        {
            // Registered before the fields are walked, so recursive messages terminate.
            _schemas[message.FullName] = [];
            _schemas[message.FullName] = WellKnownSchemas.TryCreate(message) ?? MessageSchema(message);
        }

        return Ref(message.FullName);
    }

    private JsonObject MessageSchema(MessageDescriptor message)
    {
        var properties = new JsonObject();
        foreach (var field in message.Fields.InDeclarationOrder())
        {
            properties[field.JsonName] = FieldSchema(field);
        }

        var schema = new JsonObject
        {
            ["type"] = "object",
            ["title"] = message.Name,
            ["properties"] = properties,

            // The server parses strictly: a member that is not a field is refused, never ignored.
            ["additionalProperties"] = false,
        };
        AddOneofs(schema, message);
        return schema;
    }

    private JsonObject FieldSchema(FieldDescriptor field)
    {
        if (field.IsMap)
        {
            // Map keys are always JSON strings (numbers and booleans in their text form).
            return new JsonObject { ["type"] = "object", ["additionalProperties"] = SingleSchema(field.MessageType.FindFieldByNumber(2)) };
        }

        var single = SingleSchema(field);
        return field.IsRepeated ? new JsonObject { ["type"] = "array", ["items"] = single } : single;
    }

    private JsonObject SingleSchema(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Message or FieldType.Group => RefTo(field.MessageType),
        FieldType.Enum => EnumRef(field.EnumType),
        _ => ScalarSchemas.For(field.FieldType),
    };

    private JsonObject EnumRef(EnumDescriptor type)
    {
        if (!_schemas.ContainsKey(type.FullName))
        {
            var names = new JsonArray();
            foreach (var value in type.Values)
            {
                names.Add(value.Name);
            }

            _schemas[type.FullName] = new JsonObject { ["type"] = "string", ["title"] = type.Name, ["enum"] = names };
        }

        return Ref(type.FullName);
    }

    // proto3 JSON writes a oneof as its members side by side; at most one of them may be present. JSON
    // Schema says so by forbidding every pair; the description names the group for readers.
    private static void AddOneofs(JsonObject schema, MessageDescriptor message)
    {
        var constraints = new JsonArray();
        foreach (var oneof in message.Oneofs)
        {
            if (oneof.IsSynthetic)
            {
                continue;
            }

            var names = new List<string>();
            foreach (var field in oneof.Fields)
            {
                names.Add(field.JsonName);
            }

            var pairs = new JsonArray();
            for (var i = 0; i < names.Count; i++)
            {
                for (var j = i + 1; j < names.Count; j++)
                {
                    pairs.Add(new JsonObject { ["required"] = new JsonArray(names[i], names[j]) });
                }
            }

            constraints.Add(new JsonObject
            {
                ["description"] = "oneof " + oneof.Name + ": at most one of " + string.Join(", ", names),
                ["not"] = new JsonObject { ["anyOf"] = pairs },
            });
        }

        if (constraints.Count > 0)
        {
            schema["allOf"] = constraints;
        }
    }

    internal static JsonObject Ref(string fullName) => new() { ["$ref"] = RefPrefix + fullName };
}
