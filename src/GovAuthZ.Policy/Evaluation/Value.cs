using System.Globalization;

namespace GovAuthZ.Policy.Evaluation;

/// <summary>The kinds of value a matcher works with.</summary>
public enum ValueKind : byte
{
    Null = 0,
    Bool,
    Number,
    String,
    Object,
}

/// <summary>
/// One request or intermediate value on the decision path. A readonly struct so that evaluating a
/// matcher allocates nothing: strings and attribute objects are held by reference, numbers and booleans
/// inline.
/// </summary>
public readonly struct Value : IEquatable<Value>
{
    private readonly object? _reference;
    private readonly double _number;

    private Value(ValueKind kind, object? reference, double number)
    {
        Kind = kind;
        _reference = reference;
        _number = number;
    }

    public static Value Null => default;

    public static Value True => new(ValueKind.Bool, null, 1);

    public static Value False => new(ValueKind.Bool, null, 0);

    public ValueKind Kind { get; }

    public bool IsString => Kind == ValueKind.String;

    public static Value FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new Value(ValueKind.String, value, 0);
    }

    public static Value FromNumber(double value) => new(ValueKind.Number, null, value);

    public static Value FromBool(bool value) => value ? True : False;

    public static Value FromObject(IAttributeObject value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new Value(ValueKind.Object, value, 0);
    }

    public static implicit operator Value(string value) => FromString(value);

    /// <summary>The string, or null when this is not a string.</summary>
    public string? AsString() => Kind == ValueKind.String ? (string)_reference! : null;

    /// <summary>The attribute object, or null when this is not an object.</summary>
    public IAttributeObject? AsObject() => Kind == ValueKind.Object ? (IAttributeObject)_reference! : null;

    public bool TryGetNumber(out double number)
    {
        number = _number;
        return Kind == ValueKind.Number;
    }

    public bool TryGetBool(out bool value)
    {
        value = _number != 0;
        return Kind == ValueKind.Bool;
    }

    /// <summary>
    /// Equality as matchers see it: same kind and same content. A string never equals a number, as in
    /// the expression evaluators other Casbin implementations use.
    /// </summary>
    public bool Equals(Value other)
    {
        if (Kind != other.Kind)
        {
            return false;
        }

        return Kind switch
        {
            ValueKind.Null => true,
            ValueKind.Bool or ValueKind.Number => _number.Equals(other._number),
            ValueKind.String => string.Equals((string)_reference!, (string)other._reference!, StringComparison.Ordinal),
            _ => ReferenceEquals(_reference, other._reference),
        };
    }

    public override bool Equals(object? obj) => obj is Value other && Equals(other);

    public override int GetHashCode() => Kind switch
    {
        ValueKind.String => StringComparer.Ordinal.GetHashCode((string)_reference!),
        ValueKind.Object => _reference!.GetHashCode(),
        _ => HashCode.Combine(Kind, _number),
    };

    public static bool operator ==(Value left, Value right) => left.Equals(right);

    public static bool operator !=(Value left, Value right) => !left.Equals(right);

    /// <summary>A readable rendering for explanations and errors; never used for comparisons.</summary>
    public override string ToString() => Kind switch
    {
        ValueKind.Null => "null",
        ValueKind.Bool => _number != 0 ? "true" : "false",
        ValueKind.Number => _number.ToString("R", CultureInfo.InvariantCulture),
        ValueKind.String => (string)_reference!,
        _ => _reference!.ToString() ?? "{}",
    };
}
