using System.Collections.Concurrent;

namespace GovAuthZ.Server.Authentication;

/// <summary>
/// Access tokens that passed verification, keyed by the whole token text, so a caller's signature is
/// checked once and not on every decision (an ES256 verify costs more than the decision itself).
/// <para>
/// An entry is served only while the token is unexpired: expiry is read from the token, not from the
/// cache's own clock, so caching never extends a token's life. Revocation is checked by the authenticator
/// on every hit. Only successes are cached; a forged token cannot poison the cache because nothing is
/// stored until its signature verified.
/// </para>
/// </summary>
internal sealed class VerifiedTokenCache
{
    private readonly ConcurrentDictionary<string, Caller> _entries;

    // Looks entries up by the header's characters, so a hit does not allocate the token string.
    private readonly ConcurrentDictionary<string, Caller>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _capacity;
    private readonly TimeProvider _time;

    public VerifiedTokenCache(int capacity, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        ArgumentNullException.ThrowIfNull(time);
        _capacity = capacity;
        _time = time;
        _entries = new ConcurrentDictionary<string, Caller>(StringComparer.Ordinal);
        _lookup = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _entries.Count;

    public bool TryGet(ReadOnlySpan<char> token, out Caller caller)
    {
        if (_lookup.TryGetValue(token, out var found))
        {
            if (_time.GetUtcNow() < found.ExpiresAt)
            {
                caller = found;
                return true;
            }

            _lookup.TryRemove(token, out _);
        }

        caller = null!;
        return false;
    }

    public void Add(string token, Caller caller)
    {
        if (_capacity == 0)
        {
            return;
        }

        if (_entries.Count >= _capacity)
        {
            MakeRoom();
        }

        _entries[token] = caller;
    }

    public void Remove(ReadOnlySpan<char> token) => _lookup.TryRemove(token, out _);

    // Expired entries go first. If the cache is still full the whole table is dropped: a burst of distinct
    // tokens then costs re-verification, never a wrong answer, and the bound on memory holds without an
    // eviction order to maintain on the hot path.
    private void MakeRoom()
    {
        var now = _time.GetUtcNow();
        foreach (var entry in _entries)
        {
            if (entry.Value.ExpiresAt <= now)
            {
                _entries.TryRemove(entry.Key, out _);
            }
        }

        if (_entries.Count >= _capacity)
        {
            _entries.Clear();
        }
    }
}
