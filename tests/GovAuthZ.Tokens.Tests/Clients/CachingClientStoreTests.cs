using GovAuthZ.Tokens.Clients;
using GovAuthZ.Tokens.Tests.Fakes;

namespace GovAuthZ.Tokens.Tests.Clients;

public sealed class CachingClientStoreTests
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(10);
    private readonly ManualTimeProvider _time = new();
    private readonly CountingStore _inner = new();

    [Fact]
    public async Task FindByIdAsync_WhenAskedTwiceWithinTtl_ReadsInnerStoreOnce()
    {
        var cache = new CachingClientStore(_inner, Ttl, _time);
        _inner.Add(Client("pep", "decision:check"));

        var first = await cache.FindByIdAsync("pep", default);
        _time.Advance(Ttl - TimeSpan.FromTicks(1));
        var second = await cache.FindByIdAsync("pep", default);

        Assert.Same(first, second);
        Assert.Equal(1, _inner.Reads);
    }

    [Fact]
    public async Task FindByIdAsync_WhenTtlElapsed_ReadsInnerStoreAgainAndSeesChange()
    {
        var cache = new CachingClientStore(_inner, Ttl, _time);
        _inner.Add(Client("pep", "decision:check"));
        await cache.FindByIdAsync("pep", default);
        _inner.Add(Client("pep", "decision:explain"));

        _time.Advance(Ttl);
        var found = await cache.FindByIdAsync("pep", default);

        Assert.Equal(["decision:explain"], found!.Scopes);
        Assert.Equal(2, _inner.Reads);
    }

    [Fact]
    public async Task FindByIdAsync_WhenInvalidated_ReadsInnerStoreAtOnce()
    {
        var cache = new CachingClientStore(_inner, Ttl, _time);
        _inner.Add(Client("pep", "decision:check"));
        await cache.FindByIdAsync("pep", default);
        _inner.Remove("pep");

        cache.Invalidate("pep");

        Assert.Null(await cache.FindByIdAsync("pep", default));
        Assert.Equal(2, _inner.Reads);
    }

    [Fact]
    public async Task FindByIdAsync_WhenClientUnknown_KeepsNothingAndSeesLaterRegistration()
    {
        var cache = new CachingClientStore(_inner, Ttl, _time);

        Assert.Null(await cache.FindByIdAsync("new-app", default));
        _inner.Add(Client("new-app", "decision:check"));

        Assert.NotNull(await cache.FindByIdAsync("new-app", default));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task FindByIdAsync_WhenInvalidatedDuringInnerRead_ReturnsButDoesNotKeepTheRead()
    {
        var cache = new CachingClientStore(_inner, Ttl, _time);
        _inner.Add(Client("pep", "decision:check"));
        _inner.DuringRead = () => cache.Invalidate("pep");

        await cache.FindByIdAsync("pep", default);
        _inner.DuringRead = null;
        await cache.FindByIdAsync("pep", default);

        Assert.Equal(2, _inner.Reads);
    }

    [Fact]
    public async Task FindByIdAsync_WhenFull_ServesNewClientsWithoutKeepingThem()
    {
        var cache = new CachingClientStore(_inner, Ttl, _time);
        for (var i = 0; i <= CachingClientStore.MaxEntries; i++)
        {
            _inner.Add(Client("app-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "decision:check"));
        }

        for (var i = 0; i <= CachingClientStore.MaxEntries; i++)
        {
            Assert.NotNull(await cache.FindByIdAsync("app-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), default));
        }

        Assert.Equal(CachingClientStore.MaxEntries, cache.Count);
    }

    [Fact]
    public void Constructor_WhenTtlNotPositive_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CachingClientStore(_inner, TimeSpan.Zero, _time));
    }

    private static OAuthClient Client(string id, string scope) => new()
    {
        ClientId = id,
        AuthenticationMethods = [ClientAuthenticationMethods.ClientSecretBasic],
        SecretHashes = [ClientSecretHasher.Hash(ClientSecretHasher.GenerateSecret())],
        GrantTypes = [GrantTypes.ClientCredentials],
        Scopes = [scope],
    };

    /// <summary>An in-memory store that counts reads and can run an action in the middle of one.</summary>
    private sealed class CountingStore : IClientStore
    {
        private readonly Dictionary<string, OAuthClient> _clients = new(StringComparer.Ordinal);

        public int Reads { get; private set; }

        public Action? DuringRead { get; set; }

        public void Add(OAuthClient client) => _clients[client.ClientId] = client;

        public void Remove(string clientId) => _clients.Remove(clientId);

        public ValueTask<OAuthClient?> FindByIdAsync(string clientId, CancellationToken cancellationToken)
        {
            Reads++;
            var found = _clients.TryGetValue(clientId, out var client) ? client : null;
            DuringRead?.Invoke();
            return ValueTask.FromResult(found);
        }
    }
}
