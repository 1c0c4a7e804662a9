using System.Collections.Concurrent;

namespace GovAuthZ.Tokens.Clients;

/// <summary>
/// Keeps client registrations read from another store for a short time, so the token endpoint does not
/// read and parse the registration row on every request. Only found clients are kept (an unknown id is
/// asked for again each time, so random ids cannot fill memory and a new registration is seen at once),
/// and at most <see cref="MaxEntries"/> of them. <see cref="Invalidate"/> drops an entry when this
/// process changes the registration; a change made by another replica is seen within the TTL. A lookup
/// that raced an invalidation is returned but not kept, so an entry is never older than the last change
/// this process made. Thread-safe.
/// </summary>
public sealed class CachingClientStore : IClientStore
{
    public const int MaxEntries = 1024;

    private readonly IClientStore _inner;
    private readonly TimeSpan _ttl;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    public CachingClientStore(IClientStore inner, TimeSpan ttl, TimeProvider timeProvider)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        _ttl = ttl;
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    public int Count => _entries.Count;

    public async ValueTask<OAuthClient?> FindByIdAsync(string clientId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (!string.IsNullOrEmpty(clientId) && _entries.TryGetValue(clientId, out var entry) && now < entry.ExpiresAt)
        {
            return entry.Client;
        }

        var generation = Volatile.Read(ref _generation);
        var client = await _inner.FindByIdAsync(clientId, cancellationToken).ConfigureAwait(false);
        if (client is null)
        {
            _entries.TryRemove(clientId ?? string.Empty, out _);
            return null;
        }

        if (_entries.Count < MaxEntries || _entries.ContainsKey(clientId))
        {
            _entries[clientId] = new Entry(client, now + _ttl);

            // An invalidation between the read and the store may have dropped a newer state: undo the store.
            if (Volatile.Read(ref _generation) != generation)
            {
                _entries.TryRemove(clientId, out _);
            }
        }

        return client;
    }

    /// <summary>Forgets one client, for a registration this process has just saved or removed.</summary>
    public void Invalidate(string clientId)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        Interlocked.Increment(ref _generation);
        _entries.TryRemove(clientId, out _);
    }

    private sealed record Entry(OAuthClient Client, DateTimeOffset ExpiresAt);
}
