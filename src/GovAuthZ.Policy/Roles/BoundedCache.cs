using System.Collections.Concurrent;

namespace GovAuthZ.Policy.Roles;

/// <summary>
/// A thread-safe memo for values derived from request strings (names or domains matched by a pattern).
/// Request strings are unbounded, so the cache is dropped wholesale once it holds more than
/// <see cref="Capacity"/> entries: cheap, lock-free for readers, and a miss only costs a recomputation.
/// </summary>
internal sealed class BoundedCache<TValue>
    where TValue : class
{
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, TValue> _entries = new(StringComparer.Ordinal);

    // ConcurrentDictionary.Count takes every bucket lock; an approximate counter is enough for a bound.
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public bool TryGet(string key, out TValue value)
    {
        if (_entries.TryGetValue(key, out var found))
        {
            value = found;
            return true;
        }

        value = null!;
        return false;
    }

    /// <summary>Stores a computed value; a concurrent writer for the same key may win, both are equal.</summary>
    public TValue Add(string key, TValue value)
    {
        if (Interlocked.Increment(ref _count) > Capacity)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _count, 1);
        }

        return _entries.GetOrAdd(key, value);
    }
}
