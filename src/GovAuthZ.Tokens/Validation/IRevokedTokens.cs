using System.Collections.Concurrent;

namespace GovAuthZ.Tokens.Validation;

/// <summary>
/// Answers whether a token id (jti) was revoked before its expiry (RFC 7009). Called on every validation,
/// so implementations must be cheap: an in-memory set, fed by the store's change notifications.
/// </summary>
public interface IRevokedTokens
{
    ValueTask<bool> IsRevokedAsync(string tokenId, CancellationToken cancellationToken);
}

/// <summary>
/// Revoked token ids held until the token would have expired anyway; after that the id can never be
/// presented successfully, so it is dropped. Thread-safe.
/// </summary>
public sealed class InMemoryRevokedTokens : IRevokedTokenStore
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _revoked = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public InMemoryRevokedTokens(TimeProvider timeProvider)
    {
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    public int Count => _revoked.Count;

    public void Revoke(string tokenId, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenId);
        _revoked[tokenId] = expiresAt;
    }

    public ValueTask RevokeAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        Revoke(tokenId, expiresAt);
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> IsRevokedAsync(string tokenId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_revoked.ContainsKey(tokenId));

    /// <summary>Drops ids whose tokens have expired; call from a periodic job.</summary>
    public void Prune()
    {
        var now = _time.GetUtcNow();
        foreach (var entry in _revoked)
        {
            if (entry.Value <= now)
            {
                _revoked.TryRemove(entry);
            }
        }
    }
}
