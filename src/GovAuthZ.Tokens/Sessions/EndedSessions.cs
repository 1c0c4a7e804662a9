using System.Collections.Concurrent;

namespace GovAuthZ.Tokens.Sessions;

/// <summary>
/// Sign-in sessions that were ended before their cookie expires (OIDC RP-Initiated Logout 1.0 section 2).
/// The session itself lives in the browser's protected cookie; only the ids of ended sessions are kept,
/// each until the moment the session would have expired anyway, so a copied cookie stops working at logout.
/// </summary>
public interface IEndedSessionStore
{
    /// <summary>Marks the session ended; idempotent.</summary>
    ValueTask EndAsync(string sessionId, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    ValueTask<bool> IsEndedAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Forgets sessions that have expired by <paramref name="now"/>; returns how many.</summary>
    ValueTask<int> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Ended sessions in memory (tests, a single server). Thread-safe.</summary>
public sealed class InMemoryEndedSessionStore : IEndedSessionStore
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _ended = new(StringComparer.Ordinal);

    public ValueTask EndAsync(string sessionId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        _ended.TryAdd(sessionId, expiresAt);
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> IsEndedAsync(string sessionId, CancellationToken cancellationToken) => ValueTask.FromResult(_ended.ContainsKey(sessionId));

    public ValueTask<int> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var pair in _ended)
        {
            if (pair.Value <= now && _ended.TryRemove(pair))
            {
                removed++;
            }
        }

        return ValueTask.FromResult(removed);
    }
}
