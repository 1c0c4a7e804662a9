using GovAuthZ.Server.Logging;

namespace GovAuthZ.Server.Decisions;

/// <summary>
/// Reloads the store and logs the outcome, so a reload started by the folder watcher and one started by
/// an operator are reported the same way. Thread safety: the store serialises loads, so concurrent
/// callers never overlap a load; each gets the state its own load published.
/// </summary>
internal sealed class PolicyReloader
{
    private readonly PolicyStore _store;
    private readonly ILogger _logger;

    public PolicyReloader(PolicyStore store, ILogger<PolicyReloader> logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(logger);
        _store = store;
        _logger = logger;
    }

    public PolicyStore Store => _store;

    /// <summary>Loads every policy file again; <paramref name="trigger"/> names who asked, for the log.</summary>
    public PolicyState Reload(string trigger)
    {
        var state = _store.Reload();
        if (state.LastReloadError is { } error)
        {
            ServerLog.PolicyReloadRejected(
                _logger, trigger, error.CodeId, error.Location.ToString(), error.Detail, state.Bundle?.Revision ?? 0);
        }
        else if (state.Bundle is { } bundle)
        {
            ServerLog.PolicyReloaded(_logger, bundle.Revision, _store.Directory, trigger);
        }

        return state;
    }
}
