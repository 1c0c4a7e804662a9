using System.Collections.Concurrent;

namespace GovAuthZ.Tokens.Authorization;

/// <summary>
/// The scopes each user has granted each client that needs consent (OIDC Core 3.1.2.4). Grants only grow
/// (a new grant is the union with the earlier one); a request for a scope not yet granted shows the page.
/// </summary>
public interface IScopeConsentStore
{
    /// <summary>The scopes granted so far, empty when none.</summary>
    ValueTask<IReadOnlyList<string>> GetGrantedAsync(string userId, string clientId, CancellationToken cancellationToken);

    /// <summary>Adds <paramref name="scopes"/> to the grant (union); returns the grant as stored.</summary>
    ValueTask<IReadOnlyList<string>> GrantAsync(string userId, string clientId, IReadOnlyList<string> scopes, CancellationToken cancellationToken);
}

/// <summary>Set operations on scope lists, ordinal.</summary>
public static class ScopeConsents
{
    /// <summary>Whether every requested scope is among the granted ones.</summary>
    public static bool Covers(IReadOnlyList<string> granted, IReadOnlyList<string> requested)
    {
        ArgumentNullException.ThrowIfNull(granted);
        ArgumentNullException.ThrowIfNull(requested);
        return OrdinalList.ContainsAll(granted, requested);
    }

    /// <summary>The earlier scopes followed by the new ones not already present, sorted ordinally.</summary>
    public static string[] Union(IReadOnlyList<string> earlier, IReadOnlyList<string> added)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(added);
        var set = new SortedSet<string>(earlier, StringComparer.Ordinal);
        set.UnionWith(added);
        return [.. set];
    }

}

/// <summary>Consents in memory (tests, a single server without a database). Thread-safe.</summary>
public sealed class InMemoryScopeConsentStore : IScopeConsentStore
{
    private readonly ConcurrentDictionary<(string User, string Client), string[]> _grants = new();

    public ValueTask<IReadOnlyList<string>> GetGrantedAsync(string userId, string clientId, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<string>>(_grants.TryGetValue((userId, clientId), out var scopes) ? scopes : []);

    public ValueTask<IReadOnlyList<string>> GrantAsync(string userId, string clientId, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentNullException.ThrowIfNull(scopes);
        var stored = _grants.AddOrUpdate((userId, clientId), static (_, s) => ScopeConsents.Union([], s), static (_, old, s) => ScopeConsents.Union(old, s), scopes);
        return ValueTask.FromResult<IReadOnlyList<string>>(stored);
    }
}
