using GovAuthZ.Core.Errors;
using GovAuthZ.Policy;
using GovAuthZ.Server.Catalog;

namespace GovAuthZ.Server.Decisions;

/// <summary>
/// The model, rules and catalogs that one decision is made against, loaded together so a decision never
/// mixes a new policy with an old catalog. Immutable once published: nothing calls the enforcer's
/// management API on a published bundle. The decision cache relies on both: <see cref="Revision"/> is
/// the only version stamp of a cached decision, so every change to rules or catalogs must come as a
/// new bundle with a new revision.
/// </summary>
internal sealed record PolicyBundle(Enforcer Enforcer, PolicyCatalog Catalog, long Revision);

/// <summary>
/// What the store currently serves: a bundle when one ever loaded, and the error of the last load when it
/// failed (cleared by the next successful load). A failed reload keeps the last good bundle serving; a
/// server that never loaded has no bundle and denies every check (fail closed).
/// </summary>
internal sealed record PolicyState(PolicyBundle? Bundle, GovAuthZException? LastReloadError);

/// <summary>
/// Loads model.conf, policy.csv, catalog.yaml and purposes.yaml from the policy folder and publishes them
/// as one <see cref="PolicyState"/>. Thread safety: readers take the state with one volatile read and never
/// lock; loads are serialised and publish with one atomic exchange. Watchers (health streams) wait for the
/// next publication with <see cref="WaitForChangeAsync"/>, which costs the decision path nothing.
/// </summary>
internal sealed class PolicyStore
{
    private readonly Lock _loadLock = new();
    private readonly string _directory;
    private PolicyState _state = new(null, null);

    // Completed, and replaced by a fresh one, on every publication. Continuations run asynchronously so a
    // reload never runs watcher code on its own thread.
    private TaskCompletionSource _published = NewSignal();

    public PolicyStore(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        _directory = directory;
    }

    /// <summary>The absolute folder the policy files are read from.</summary>
    public string Directory => _directory;

    public PolicyState Current => Volatile.Read(ref _state);

    /// <summary>Loads every file again; returns the published state. Never throws for bad policy files.</summary>
    public PolicyState Reload()
    {
        lock (_loadLock)
        {
            var previous = Current;
            PolicyState next;
            try
            {
                var enforcer = Enforcer.FromFiles(Path.Combine(_directory, "model.conf"), Path.Combine(_directory, "policy.csv"));
                var catalog = CatalogLoader.Load(Path.Combine(_directory, "catalog.yaml"), Path.Combine(_directory, "purposes.yaml"));
                var revision = (previous.Bundle?.Revision ?? 0) + 1;
                next = new PolicyState(new PolicyBundle(enforcer, catalog, revision), null);
            }
            catch (GovAuthZException error)
            {
                next = previous with { LastReloadError = error };
            }

            Interlocked.Exchange(ref _state, next);
            Interlocked.Exchange(ref _published, NewSignal()).TrySetResult();
            return next;
        }
    }

    /// <summary>
    /// Returns the current state as soon as it is no longer <paramref name="seen"/>: at once when a newer one
    /// was already published, otherwise at the next publication (a successful load or a rejected reload).
    /// </summary>
    public async ValueTask<PolicyState> WaitForChangeAsync(PolicyState seen, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seen);
        while (true)
        {
            // The signal is read before the state: a publication that swaps the state after this read
            // completes this very signal, so no change can slip between the check and the wait.
            var signal = Volatile.Read(ref _published);
            var current = Current;
            if (!ReferenceEquals(current, seen))
            {
                return current;
            }

            await signal.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
