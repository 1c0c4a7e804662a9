namespace GovAuthZ.Caching;

/// <summary>Settings of the in-process decision cache.</summary>
public sealed class DecisionCacheOptions
{
    /// <summary>Default for <see cref="MaxKeyBytes"/>: far above any real check, well below what a hostile one could send.</summary>
    public const int DefaultMaxKeyBytes = 4096;

    /// <summary>Most entries held at once; 0 disables the cache.</summary>
    public int Capacity { get; set; }

    /// <summary>
    /// Longest key stored. The capacity bounds the entry count, not bytes, so this bounds the memory one
    /// entry can pin; requests with longer keys are simply decided every time.
    /// </summary>
    public int MaxKeyBytes { get; set; } = DefaultMaxKeyBytes;

    /// <summary>
    /// Checks entries that recorded dependencies. Without it such entries can never be verified and so
    /// never hit (an unverifiable allow is never served).
    /// </summary>
    public IDependencyVersions? Dependencies { get; set; }
}
