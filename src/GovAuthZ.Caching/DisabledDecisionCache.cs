using System.Diagnostics.CodeAnalysis;

namespace GovAuthZ.Caching;

/// <summary>The cache when caching is switched off: every lookup misses and nothing is stored.</summary>
internal sealed class DisabledDecisionCache<TValue> : IDecisionCache<TValue>
    where TValue : class
{
    public static readonly DisabledDecisionCache<TValue> Instance = new();

    private DisabledDecisionCache()
    {
    }

    public bool IsEnabled => false;

    public int MaxKeyBytes => 0;

    public int Count => 0;

    public bool TryGet(ReadOnlySpan<byte> key, long revision, [MaybeNullWhen(false)] out TValue value)
    {
        value = null;
        return false;
    }

    public void Store(ReadOnlySpan<byte> key, in VersionStamp stamp, TValue value)
    {
    }
}
