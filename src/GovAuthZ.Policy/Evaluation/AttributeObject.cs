using System.Text;
using System.Text.Json;
using GovAuthZ.Core.Errors;

namespace GovAuthZ.Policy.Evaluation;

/// <summary>
/// An immutable ABAC attribute object, typically built from JSON: <c>{"name":"alice","level":3}</c>.
/// Attribute names are compared ordinally.
/// </summary>
public sealed class AttributeObject : IAttributeObject
{
    private readonly Dictionary<string, Value> _attributes;

    public AttributeObject(IEnumerable<KeyValuePair<string, Value>> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        _attributes = new Dictionary<string, Value>(attributes, StringComparer.Ordinal);
    }

    public int Count => _attributes.Count;

    public bool TryGetAttribute(string name, out Value value) => _attributes.TryGetValue(name, out value);

    /// <summary>
    /// Converts a JSON value: objects become attribute objects (nested as deep as they go), strings,
    /// numbers, booleans and null map to their kinds. Arrays have no matcher meaning and are refused.
    /// </summary>
    public static Value FromJson(JsonElement element, string path = "$") => element.ValueKind switch
    {
        JsonValueKind.Object => Value.FromObject(FromJsonObject(element, path)),
        JsonValueKind.String => Value.FromString(element.GetString()!),
        JsonValueKind.Number => Value.FromNumber(element.GetDouble()),
        JsonValueKind.True => Value.True,
        JsonValueKind.False => Value.False,
        JsonValueKind.Null => Value.Null,
        _ => throw new GovAuthZException(ErrorCode.InputInvalidRequest, $"{path} is a JSON array; request values must be strings, numbers, booleans or objects"),
    };

    public override string ToString()
    {
        var builder = new StringBuilder("{");
        foreach (var (name, value) in _attributes)
        {
            if (builder.Length > 1)
            {
                builder.Append(", ");
            }

            builder.Append(name).Append(": ").Append(value.ToString());
        }

        return builder.Append('}').ToString();
    }

    private static AttributeObject FromJsonObject(JsonElement element, string path)
    {
        var attributes = new List<KeyValuePair<string, Value>>();
        foreach (var property in element.EnumerateObject())
        {
            attributes.Add(new(property.Name, FromJson(property.Value, path + "." + property.Name)));
        }

        return new AttributeObject(attributes);
    }
}
