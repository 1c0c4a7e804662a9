using System.Collections.Concurrent;

namespace GovAuthZ.Tokens.Authorization;

/// <summary>
/// Codes in memory (single server, tests). Each entry's state moves by compare-and-swap only:
/// Fresh to Redeemed (one winner), Redeemed or Recorded to Replayed; so redemption is single-use under
/// any interleaving. Thread-safe.
/// </summary>
public sealed class InMemoryAuthorizationCodeStore : IAuthorizationCodeStore
{
    private const int Fresh = 0;
    private const int Redeemed = 1;
    private const int Replayed = 2;

    private readonly ConcurrentDictionary<string, Entry> _codes = new(StringComparer.Ordinal);

    public int Count => _codes.Count;

    public ValueTask StoreAsync(string codeHash, AuthorizationCodeGrant grant, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(codeHash);
        ArgumentNullException.ThrowIfNull(grant);
        if (!_codes.TryAdd(codeHash, new Entry(grant)))
        {
            throw new InvalidOperationException("authorization code collision");
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<CodeRedemption> RedeemAsync(string codeHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!_codes.TryGetValue(codeHash, out var entry))
        {
            return ValueTask.FromResult(new CodeRedemption(CodeRedemptionStatus.Invalid, null, []));
        }

        if (Interlocked.CompareExchange(ref entry.State, Redeemed, Fresh) == Fresh)
        {
            var status = entry.Grant.ExpiresAt > now ? CodeRedemptionStatus.Redeemed : CodeRedemptionStatus.Invalid;
            return ValueTask.FromResult(new CodeRedemption(status, status == CodeRedemptionStatus.Redeemed ? entry.Grant : null, []));
        }

        Interlocked.Exchange(ref entry.State, Replayed);
        return ValueTask.FromResult(new CodeRedemption(CodeRedemptionStatus.Replayed, entry.Grant, entry.Snapshot()));
    }

    public ValueTask<bool> RecordIssuedAsync(string codeHash, IReadOnlyList<IssuedFromCode> tokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (!_codes.TryGetValue(codeHash, out var entry))
        {
            return ValueTask.FromResult(false);
        }

        entry.Add(tokens);

        // Written before this read: a replay that ran earlier has set Replayed, one that runs later sees the tokens.
        return ValueTask.FromResult(Interlocked.CompareExchange(ref entry.State, Replayed, Replayed) == Replayed);
    }

    public ValueTask<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var pair in _codes)
        {
            if (pair.Value.Grant.ExpiresAt <= olderThan && _codes.TryRemove(pair))
            {
                removed++;
            }
        }

        return ValueTask.FromResult(removed);
    }

    private sealed class Entry(AuthorizationCodeGrant grant)
    {
        private readonly Lock _gate = new();
        private readonly List<IssuedFromCode> _issued = [];

        public int State = Fresh;

        public AuthorizationCodeGrant Grant { get; } = grant;

        public void Add(IReadOnlyList<IssuedFromCode> tokens)
        {
            lock (_gate)
            {
                _issued.AddRange(tokens);
            }
        }

        public IssuedFromCode[] Snapshot()
        {
            lock (_gate)
            {
                return [.. _issued];
            }
        }
    }
}
