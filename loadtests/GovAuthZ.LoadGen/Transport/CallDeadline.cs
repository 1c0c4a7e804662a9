namespace GovAuthZ.LoadGen.Transport;

/// <summary>
/// The per-call timeout, on one reusable token source per caller: armed before each call and reset after
/// it, so the measured loop neither allocates a source nor links tokens per call (which HttpClient's own
/// Timeout would do). Linked to the run's token, so stopping the run cancels the call in flight.
/// </summary>
internal sealed class CallDeadline(TimeSpan timeout) : IDisposable
{
    private CancellationTokenSource? _source;
    private CancellationToken _linkedTo;

    public TimeSpan Timeout { get; } = timeout;

    public CancellationToken Start(CancellationToken run)
    {
        if (_source is null || _linkedTo != run)
        {
            _source?.Dispose();
            _source = CancellationTokenSource.CreateLinkedTokenSource(run);
            _linkedTo = run;
        }

        _source.CancelAfter(Timeout);
        return _source.Token;
    }

    /// <summary>Disarms the timer; a source that fired cannot be reused and is replaced on the next start.</summary>
    public void Stop()
    {
        if (_source is not null && !_source.TryReset())
        {
            _source.Dispose();
            _source = null;
        }
    }

    public void Dispose() => _source?.Dispose();
}
