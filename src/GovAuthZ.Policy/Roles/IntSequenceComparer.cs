using System.Runtime.InteropServices;

namespace GovAuthZ.Policy.Roles;

/// <summary>Compares int arrays by content, so that equal direct-role lists can share one closure.</summary>
internal sealed class IntSequenceComparer : IEqualityComparer<int[]>
{
    public static IntSequenceComparer Instance { get; } = new();

    public bool Equals(int[]? x, int[]? y)
        => ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

    public int GetHashCode(int[] obj)
    {
        var hash = default(HashCode);
        hash.AddBytes(MemoryMarshal.AsBytes(obj.AsSpan()));
        return hash.ToHashCode();
    }
}
