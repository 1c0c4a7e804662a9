using System.Diagnostics.CodeAnalysis;

namespace GovAuthZ.Caching;

/// <summary>
/// A cache of decisions keyed by canonical request bytes. The seam the server calls: the in-process L1
/// implements it today, a layered L1 + Redis L2 will implement it later.
/// <para>
/// Consistency (an entry never outlives what it rests on): every entry carries the
/// <see cref="VersionStamp"/> it was computed under, and every lookup checks it. An entry computed under
/// another revision, or whose dependency versions are no longer current, is a miss, never a hit.
/// </para>
/// Thread safety: every member may be called from any number of threads at once.
/// </summary>
/// <typeparam name="TValue">The cached result; must be immutable, since one instance is handed to every reader.</typeparam>
public interface IDecisionCache<TValue>
    where TValue : class
{
    /// <summary>False for a disabled cache, which never holds anything; lets callers skip building keys.</summary>
    bool IsEnabled { get; }

    /// <summary>Longest key the cache accepts; longer keys are never stored and always miss.</summary>
    int MaxKeyBytes { get; }

    /// <summary>How many entries the cache holds now (stale ones included until replaced or evicted).</summary>
    int Count { get; }

    /// <summary>
    /// Finds the value stored for exactly these key bytes, provided it was stored under
    /// <paramref name="revision"/> and its dependencies are still at the versions it recorded.
    /// </summary>
    bool TryGet(ReadOnlySpan<byte> key, long revision, [MaybeNullWhen(false)] out TValue value);

    /// <summary>Stores (or replaces) the value for these key bytes, stamped with what it was computed under.</summary>
    void Store(ReadOnlySpan<byte> key, in VersionStamp stamp, TValue value);
}
