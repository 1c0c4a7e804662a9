namespace GovAuthZ.Tokens.Keys;

/// <summary>A key store in process memory, for tests and single-process development. Thread-safe.</summary>
public sealed class InMemorySigningKeyStore : ISigningKeyStore
{
    private readonly Lock _gate = new();
    private SigningKeySet _set = SigningKeySet.Empty;

    public ValueTask<SigningKeySet> LoadAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_set);
        }
    }

    public ValueTask<bool> TrySaveAsync(SigningKeySet keySet, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keySet);
        lock (_gate)
        {
            if (_set.Version != expectedVersion)
            {
                return ValueTask.FromResult(false);
            }

            _set = keySet with { Records = [.. keySet.Records] };
            return ValueTask.FromResult(true);
        }
    }
}
