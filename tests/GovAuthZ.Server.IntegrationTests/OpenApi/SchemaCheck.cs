using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GovAuthZ.Server.IntegrationTests.OpenApi;

/// <summary>
/// Checks a JSON value against a schema of the document: the JSON Schema keywords the document uses
/// ($ref, type, properties, additionalProperties, required, items, enum, pattern, oneOf, anyOf, allOf, not).
/// Written for the tests so they need no validator package; unknown keywords are annotations and ignored.
/// </summary>
internal sealed class SchemaCheck
{
    private readonly JsonObject _schemas;

    public SchemaCheck(JsonNode document) => _schemas = document["components"]!["schemas"]!.AsObject();

    public List<string> Errors(JsonNode? value, JsonNode schema)
    {
        var errors = new List<string>();
        Check(value, schema, "$", errors);
        return errors;
    }

    public JsonObject Resolve(JsonNode schema) =>
        schema["$ref"] is { } reference ? Resolve(_schemas[reference.GetValue<string>()["#/components/schemas/".Length..]]!) : schema.AsObject();

    private void Check(JsonNode? value, JsonNode schema, string path, List<string> errors)
    {
        var s = Resolve(schema);
        if (s["type"] is { } type && !TypeMatches(value, type))
        {
            errors.Add($"{path}: {Kind(value)} is not {type.ToJsonString()}");
            return;
        }

        if (s["enum"] is JsonArray choices && !choices.Any(c => JsonNode.DeepEquals(c, value)))
        {
            errors.Add($"{path}: {value?.ToJsonString()} is not one of {choices.ToJsonString()}");
        }

        if (s["pattern"] is { } pattern && value is JsonValue text && text.GetValueKind() == JsonValueKind.String
            && !Regex.IsMatch(text.GetValue<string>(), pattern.GetValue<string>(), RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            errors.Add($"{path}: '{text}' does not match {pattern}");
        }

        CheckObject(value as JsonObject, s, path, errors);
        if (value is JsonArray array && s["items"] is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(array[i], items, $"{path}[{i}]", errors);
            }
        }

        CheckCombinators(value, s, path, errors);
    }

    private void CheckObject(JsonObject? value, JsonObject s, string path, List<string> errors)
    {
        if (value is null)
        {
            return;
        }

        var properties = s["properties"] as JsonObject;
        foreach (var required in s["required"] as JsonArray ?? [])
        {
            if (!value.ContainsKey(required!.GetValue<string>()))
            {
                errors.Add($"{path}: required member '{required}' missing");
            }
        }

        foreach (var (name, member) in value)
        {
            if (properties?[name] is { } property)
            {
                Check(member, property, path + "." + name, errors);
            }
            else if (s["additionalProperties"] is JsonValue allowed && allowed.GetValueKind() == JsonValueKind.False)
            {
                errors.Add($"{path}: member '{name}' is not in the schema");
            }
            else if (s["additionalProperties"] is JsonObject additional)
            {
                Check(member, additional, path + "." + name, errors);
            }
        }
    }

    private void CheckCombinators(JsonNode? value, JsonObject s, string path, List<string> errors)
    {
        foreach (var part in s["allOf"] as JsonArray ?? [])
        {
            Check(value, part!, path, errors);
        }

        if (s["anyOf"] is JsonArray any && !any.Any(p => Errors(value, p!).Count == 0))
        {
            errors.Add($"{path}: matches none of anyOf");
        }

        if (s["oneOf"] is JsonArray one && one.Count(p => Errors(value, p!).Count == 0) != 1)
        {
            errors.Add($"{path}: does not match exactly one of oneOf");
        }

        if (s["not"] is { } not && Errors(value, not).Count == 0)
        {
            errors.Add($"{path}: matches a 'not' schema ({not["description"] ?? s["description"]})");
        }
    }

    private static bool TypeMatches(JsonNode? value, JsonNode type) => type is JsonArray types
        ? types.Any(t => TypeMatches(value, t!.GetValue<string>()))
        : TypeMatches(value, type.GetValue<string>());

    private static bool TypeMatches(JsonNode? value, string type) => type switch
    {
        "null" => value is null,
        "object" => value is JsonObject,
        "array" => value is JsonArray,
        "string" => value is JsonValue v && v.GetValueKind() == JsonValueKind.String,
        "boolean" => value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "number" => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number,
        "integer" => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && decimal.IsInteger(v.GetValue<decimal>()),
        _ => throw new InvalidOperationException("unknown schema type " + type),
    };

    private static string Kind(JsonNode? value) => value?.GetValueKind().ToString() ?? "null";
}
