using GovAuthZ.Core.Errors;

namespace GovAuthZ.Tokens.Keys;

/// <summary>
/// The issuer's signing keys and their lifecycle: published, then active (signs), then retired (still
/// published until every token it signed has expired), then removed. Every state follows from the keys'
/// times and the injected <see cref="TimeProvider"/>, so the ring needs no timer: a key becomes the signer
/// the moment its SigningFrom passes.
/// </summary>
/// <remarks>
/// Thread safety: readers (signing, validation, JWKS) take the current immutable snapshot with one volatile
/// read and never lock. Writers (rotate, revoke, prune, reload) are serialised by a semaphore and publish a
/// new snapshot with one swap. Replicas share the <see cref="ISigningKeyStore"/>; each must call
/// <see cref="ReloadAsync"/> more often than <see cref="TokenOptions.KeyPublishLeadTime"/>.
/// </remarks>
public sealed class SigningKeyRing : IDisposable
{
    private const int MaxSaveAttempts = 3;
    private readonly ISigningKeyStore _store;
    private readonly IKeyProtector _protector;
    private readonly TimeProvider _time;
    private readonly string _algorithm;
    private readonly int _rsaKeySize;
    private readonly TimeSpan _publishLeadTime;
    private readonly TimeSpan _rotationInterval;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private KeyRingSnapshot _snapshot = KeyRingSnapshot.Empty;

    public SigningKeyRing(TokenOptions options, ISigningKeyStore store, IKeyProtector protector, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _protector = protector ?? throw new ArgumentNullException(nameof(protector));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _algorithm = options.SigningAlgorithm;
        _rsaKeySize = options.RsaKeySize;
        _publishLeadTime = options.KeyPublishLeadTime;
        _rotationInterval = options.KeyRotationInterval;
        RetirementWindow = options.RetirementWindow;
        ClockSkew = options.ClockSkew;
    }

    /// <summary>Longest token lifetime plus clock skew: how long a retired key stays published.</summary>
    public TimeSpan RetirementWindow { get; }

    internal TimeSpan ClockSkew { get; }

    internal TimeProvider Time => _time;

    internal KeyRingSnapshot Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>
    /// Loads the stored keys; when none can sign, creates one that signs at once. No lead time is needed
    /// then: nothing we signed can be in circulation without a key to verify it.
    /// </summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) =>
        MutateAsync(
            (records, now) => KeySetRules.HasSigner(records, now) ? null : [.. records, NewKey(now, now)],
            cancellationToken);

    /// <summary>Re-reads the store, picking up keys another replica added or removed.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Publish(await _store.LoadAsync(cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Adds a key that is published now and signs after the publish lead time; the current signer retires
    /// then. Drops keys whose removal time has passed. Returns the new key's id.
    /// </summary>
    public async Task<string> RotateAsync(CancellationToken cancellationToken = default)
    {
        string? kid = null;
        await MutateAsync(
            (records, now) =>
            {
                var key = NewKey(now, now + _publishLeadTime);
                kid = key.KeyId;
                return [.. KeySetRules.WithoutRemoved(records, now, RetirementWindow), key];
            },
            cancellationToken).ConfigureAwait(false);
        return kid!;
    }

    /// <summary>
    /// Rotates when the signer is older than the rotation interval and no successor is already published.
    /// Safe to call from every replica on a schedule: the compare-and-set store lets one of them win.
    /// </summary>
    public async Task<bool> RotateIfDueAsync(CancellationToken cancellationToken = default)
    {
        var rotated = false;
        await MutateAsync(
            (records, now) =>
            {
                if (!KeySetRules.IsRotationDue(records, now, _rotationInterval))
                {
                    return null;
                }

                rotated = true;
                return [.. KeySetRules.WithoutRemoved(records, now, RetirementWindow), NewKey(now, now + _publishLeadTime)];
            },
            cancellationToken).ConfigureAwait(false);
        return rotated;
    }

    /// <summary>
    /// Emergency removal of a compromised key: it leaves the JWKS and stops verifying at once. If it was the
    /// signer, the next published key (or a fresh one) signs from now, skipping the lead time.
    /// </summary>
    public Task RevokeAsync(string keyId, CancellationToken cancellationToken = default) =>
        MutateAsync((records, now) => KeySetRules.Revoke(records, keyId, now, at => NewKey(at, at)), cancellationToken);

    /// <summary>Deletes keys whose removal time has passed from the store.</summary>
    public Task PruneAsync(CancellationToken cancellationToken = default) =>
        MutateAsync(
            (records, now) =>
            {
                var kept = KeySetRules.WithoutRemoved(records, now, RetirementWindow);
                return kept.Count == records.Count ? null : kept;
            },
            cancellationToken);

    /// <summary>Every known key with its state now, oldest first (for the keys command and health pages).</summary>
    public IReadOnlyList<SigningKeyInfo> GetKeys()
    {
        var now = _time.GetUtcNow();
        var keys = Snapshot.Keys;
        var result = new List<SigningKeyInfo>(keys.Count);
        foreach (var key in keys)
        {
            result.Add(new SigningKeyInfo(key.KeyId, key.Algorithm, key.StateAt(now), key.Record.CreatedAt, key.SigningFrom, key.RetiresAt, key.RemoveAt));
        }

        return result;
    }

    /// <summary>The JWKS: public parts of every key not removed now (published, active and retired).</summary>
    public JsonWebKeySetDocument GetJwks()
    {
        var now = _time.GetUtcNow();
        var keys = new List<JsonWebKeyDocument>();
        foreach (var key in Snapshot.Keys)
        {
            if (key.StateAt(now) != SigningKeyState.Removed)
            {
                keys.Add(key.Jwk);
            }
        }

        return new JsonWebKeySetDocument { Keys = keys };
    }

    /// <summary>The signer now; throws GAZ3002 when no key has started signing.</summary>
    internal RingKey GetSigner(DateTimeOffset now) =>
        Snapshot.SignerAt(now)
        ?? throw new GovAuthZException(ErrorCode.KeyNoActiveSigner, "no signing key is active; initialize or rotate the key ring");

    public void Dispose() => _writeGate.Dispose();

    private SigningKeyRecord NewKey(DateTimeOffset now, DateTimeOffset signingFrom) =>
        SigningKeyMaterial.Create(_algorithm, _rsaKeySize, now, signingFrom, _protector);

    private async Task MutateAsync(Func<IReadOnlyList<SigningKeyRecord>, DateTimeOffset, IReadOnlyList<SigningKeyRecord>?> change, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 0; attempt < MaxSaveAttempts; attempt++)
            {
                var current = await _store.LoadAsync(cancellationToken).ConfigureAwait(false);
                var next = change(current.Records, _time.GetUtcNow());
                if (next is null)
                {
                    Publish(current);
                    return;
                }

                var set = new SigningKeySet(current.Version + 1, next);
                if (await _store.TrySaveAsync(set, current.Version, cancellationToken).ConfigureAwait(false))
                {
                    Publish(set);
                    return;
                }
            }

            throw new GovAuthZException(ErrorCode.KeyStoreConflict, "the key set kept changing during the update; try again");
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private void Publish(SigningKeySet set) =>
        Volatile.Write(ref _snapshot, KeyRingSnapshot.Build(set, Snapshot, _protector, RetirementWindow));
}
