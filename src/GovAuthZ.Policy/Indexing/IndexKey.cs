namespace GovAuthZ.Policy.Indexing;

/// <summary>
/// A composite key of up to four policy field values, compared ordinally. A struct holding the strings
/// themselves, so a lookup builds no string and allocates nothing.
/// </summary>
internal readonly struct IndexKey : IEquatable<IndexKey>
{
    public const int MaxFields = 4;

    private readonly string? _a;
    private readonly string? _b;
    private readonly string? _c;
    private readonly string? _d;
    private readonly int _hash;

    public IndexKey(string? a, string? b, string? c, string? d)
    {
        _a = a;
        _b = b;
        _c = c;
        _d = d;
        _hash = HashCode.Combine(Hash(a), Hash(b), Hash(c), Hash(d));
    }

    public static IndexKey From(ReadOnlySpan<string?> values) => values.Length switch
    {
        0 => new IndexKey(null, null, null, null),
        1 => new IndexKey(values[0], null, null, null),
        2 => new IndexKey(values[0], values[1], null, null),
        3 => new IndexKey(values[0], values[1], values[2], null),
        _ => new IndexKey(values[0], values[1], values[2], values[3]),
    };

    public bool Equals(IndexKey other) =>
        _hash == other._hash
        && string.Equals(_a, other._a, StringComparison.Ordinal)
        && string.Equals(_b, other._b, StringComparison.Ordinal)
        && string.Equals(_c, other._c, StringComparison.Ordinal)
        && string.Equals(_d, other._d, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is IndexKey other && Equals(other);

    public override int GetHashCode() => _hash;

    public static bool operator ==(IndexKey left, IndexKey right) => left.Equals(right);

    public static bool operator !=(IndexKey left, IndexKey right) => !left.Equals(right);

    private static int Hash(string? value) => value is null ? 0 : StringComparer.Ordinal.GetHashCode(value);
}
