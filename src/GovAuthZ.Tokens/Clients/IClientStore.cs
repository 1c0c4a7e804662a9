using System.Collections.Concurrent;

namespace GovAuthZ.Tokens.Clients;

/// <summary>Where registered clients live. Implementations return validated clients only.</summary>
public interface IClientStore
{
    ValueTask<OAuthClient?> FindByIdAsync(string clientId, CancellationToken cancellationToken);
}

/// <summary>Clients held in memory (configuration-defined clients, tests). Thread-safe.</summary>
public sealed class InMemoryClientStore : IClientStore
{
    private readonly ConcurrentDictionary<string, OAuthClient> _clients = new(StringComparer.Ordinal);

    public InMemoryClientStore(IEnumerable<OAuthClient> clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        foreach (var client in clients)
        {
            Add(client);
        }
    }

    /// <summary>Validates and adds or replaces a client.</summary>
    public void Add(OAuthClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.Validate();
        _clients[client.ClientId] = client;
    }

    public bool Remove(string clientId) => _clients.TryRemove(clientId, out _);

    public ValueTask<OAuthClient?> FindByIdAsync(string clientId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_clients.TryGetValue(clientId, out var client) ? client : null);
}
