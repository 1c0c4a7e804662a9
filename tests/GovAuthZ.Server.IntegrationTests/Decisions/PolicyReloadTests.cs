using System.Net;
using System.Text.Json;

namespace GovAuthZ.Server.IntegrationTests.Decisions;

public sealed class PolicyReloadTests : IDisposable
{
    // The shipped rule that lets official:wang (caseworker) read for social assistance: AllowedCheck rests on it.
    private const string CaseworkerRule = "p, role:caseworker, read, social-assistance-eligibility, shared, important, personal, township, true, allow\n";

    private readonly PolicyFolderCopy _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AdminReload_WhenAllowRuleRemoved_ChecksDenyAtRevisionTwo()
    {
        using var factory = new ReloadServerFactory(_folder.Path, IPAddress.Loopback, watch: false);
        using var client = factory.CreateClient();
        Assert.True(await IsAllowedAsync(client, "1"));

        _folder.Edit("policy.csv", CaseworkerRule, string.Empty);
        var (response, body) = await PostReloadAsync(client);

        using (response)
        using (body)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(2, body.RootElement.GetProperty("revision").GetInt64());
            Assert.Equal("rev:2", body.RootElement.GetProperty("consistencyToken").GetString());
        }

        Assert.False(await IsAllowedAsync(client, "2"));
        using var ready = await ReadyAsync(client);
        Assert.Equal(2, ready.RootElement.GetProperty("revision").GetInt64());
        Assert.False(ready.RootElement.TryGetProperty("lastReloadError", out _));
    }

    [Fact]
    public async Task AdminReload_WhenModelIsBroken_Returns422AndKeepsServingRevisionOne()
    {
        using var factory = new ReloadServerFactory(_folder.Path, IPAddress.Loopback, watch: false);
        using var client = factory.CreateClient();

        _folder.Edit("model.conf", "[matchers]", "[matchers");
        var (response, body) = await PostReloadAsync(client);

        using (response)
        using (body)
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("GAZ10", body.RootElement.GetProperty("code").GetString(), StringComparison.Ordinal);
            Assert.Matches(@"model\.conf:\d+", body.RootElement.GetProperty("location").GetString());
            Assert.Equal(1, body.RootElement.GetProperty("servingRevision").GetInt64());
        }

        using var ready = await ReadyAsync(client);
        Assert.Equal(1, ready.RootElement.GetProperty("revision").GetInt64());
        var error = ready.RootElement.GetProperty("lastReloadError");
        Assert.StartsWith("GAZ10", error.GetProperty("code").GetString(), StringComparison.Ordinal);
        Assert.Matches(@"model\.conf:\d+", error.GetProperty("location").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("detail").GetString()));
        Assert.True(await IsAllowedAsync(client, "1"));
    }

    [Fact]
    public async Task AdminReload_WhenBrokenModelIsFixed_ClearsErrorAtRevisionTwo()
    {
        using var factory = new ReloadServerFactory(_folder.Path, IPAddress.Loopback, watch: false);
        using var client = factory.CreateClient();
        _folder.Edit("model.conf", "[matchers]", "[matchers");
        (await PostReloadAsync(client)).Body.Dispose();

        _folder.Edit("model.conf", "[matchers\n", "[matchers]\n");
        var (response, body) = await PostReloadAsync(client);

        using (response)
        using (body)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(2, body.RootElement.GetProperty("revision").GetInt64());
        }

        using var ready = await ReadyAsync(client);
        Assert.Equal(2, ready.RootElement.GetProperty("revision").GetInt64());
        Assert.False(ready.RootElement.TryGetProperty("lastReloadError", out _));
        Assert.True(await IsAllowedAsync(client, "2"));
    }

    [Fact]
    public async Task AdminReload_WhenCallerIsNotLoopback_Returns403AndDoesNotReload()
    {
        using var factory = new ReloadServerFactory(_folder.Path, IPAddress.Parse("203.0.113.7"), watch: false);
        using var client = factory.CreateClient();

        var (response, body) = await PostReloadAsync(client);

        using (response)
        using (body)
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using var ready = await ReadyAsync(client);
        Assert.Equal(1, ready.RootElement.GetProperty("revision").GetInt64());
    }

    // The one timed test: the watcher's whole point is noticing a change unprompted. 10 s is far above
    // the 50 ms debounce, so only a watcher that never fires fails it.
    [Fact]
    public async Task Watcher_WhenPolicyFileChanges_ReloadsWithinBoundedWait()
    {
        using var factory = new ReloadServerFactory(_folder.Path, IPAddress.Loopback, watch: true);
        using var client = factory.CreateClient();
        using (await ReadyAsync(client))
        {
            // Creating the client started the host; the watcher is armed once StartAsync has returned.
        }

        _folder.Edit("policy.csv", CaseworkerRule, string.Empty);

        var revision = 1L;
        for (var waited = 0; waited < 10_000 && revision < 2; waited += 100)
        {
            await Task.Delay(100);
            using var ready = await ReadyAsync(client);
            revision = ready.RootElement.GetProperty("revision").GetInt64();
        }

        // An editor's write can raise more than one event; a second reload of the same files is harmless.
        Assert.True(revision >= 2, "the watcher did not reload within 10 s");
        Assert.False(await IsAllowedAsync(client, null));
    }

    private static async Task<(HttpResponseMessage Response, JsonDocument Body)> PostReloadAsync(HttpClient client)
    {
        var response = await client.PostAsync(new Uri("/admin/reload", UriKind.Relative), null);
        return (response, JsonDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    private static async Task<JsonDocument> ReadyAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static async Task<bool> IsAllowedAsync(HttpClient client, string? expectedRevision)
    {
        var (response, body) = await DecisionClient.PostAsync(client, "/v1/check", DecisionClient.AllowedCheck);
        using (response)
        using (body)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            if (expectedRevision is not null)
            {
                Assert.Equal(expectedRevision, body.RootElement.GetProperty("policyRevision").GetString());
            }

            return body.RootElement.GetProperty("allowed").GetBoolean();
        }
    }
}
