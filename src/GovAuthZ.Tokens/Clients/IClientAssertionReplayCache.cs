using System.Collections.Concurrent;

namespace GovAuthZ.Tokens.Clients;

/// <summary>
/// Remembers the jti of every accepted client assertion until it expires, so each is usable once
/// (RFC 7523 section 3, item 7). With several replicas the server supplies a shared implementation.
/// </summary>
public interface IClientAssertionReplayCache
{
    /// <summary>Records the pair; false when it was already recorded and has not expired (a replay).</summary>
    ValueTask<bool> TryAddAsync(string clientId, string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken);
}

/// <summary>
/// A replay cache in process memory. Entries expire by the injected clock; expired ones are swept when the
/// cache grows past a threshold. When full of live entries it refuses new ones: failing closed costs an
/// authenticated client a retry, where failing open would allow a replay.
/// </summary>
public sealed class InMemoryClientAssertionReplayCache : IClientAssertionReplayCache
{
    private readonly ConcurrentDictionary<(string ClientId, string TokenId), DateTimeOffset> _seen = new();
    private readonly TimeProvider _time;
    private readonly int _capacity;

    public InMemoryClientAssertionReplayCache(TimeProvider timeProvider, int capacity = 100_000)
    {
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public int Count => _seen.Count;

    public ValueTask<bool> TryAddAsync(string clientId, string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_seen.Count >= _capacity)
        {
            Sweep(now);
            if (_seen.Count >= _capacity)
            {
                return ValueTask.FromResult(false);
            }
        }

        var key = (clientId, tokenId);
        while (true)
        {
            if (_seen.TryAdd(key, expiresAt))
            {
                return ValueTask.FromResult(true);
            }

            // A recorded entry that has expired may be replaced; the exp check has already refused the
            // assertion itself if it were expired, so this only matters for a reused jti with a later exp.
            if (!_seen.TryGetValue(key, out var recorded))
            {
                continue; // swept between the two calls: try to add again
            }

            if (recorded > now)
            {
                return ValueTask.FromResult(false);
            }

            if (_seen.TryUpdate(key, expiresAt, recorded))
            {
                return ValueTask.FromResult(true);
            }
        }
    }

    public void Sweep(DateTimeOffset now)
    {
        foreach (var entry in _seen)
        {
            if (entry.Value <= now)
            {
                _seen.TryRemove(entry);
            }
        }
    }
}
