using System.Net;
using System.Text.Json;
using GovAuthZ.Server.IntegrationTests.Decisions;

namespace GovAuthZ.Server.IntegrationTests.Http;

public sealed class HealthEndpointTests : IClassFixture<DecisionServerFactory>
{
    private readonly DecisionServerFactory _factory;

    public HealthEndpointTests(DecisionServerFactory factory) => _factory = factory;

    // /readyz also carries the policy revision; DecisionEndpointTests checks it.
    [Theory]
    [InlineData("/healthz", "alive")]
    public async Task Get_WhenServerRunning_ReturnsOkWithStatus(string path, string expectedStatus)
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var property = Assert.Single(body.RootElement.EnumerateObject());
        Assert.Equal("status", property.Name);
        Assert.Equal(expectedStatus, property.Value.GetString());
    }

    [Fact]
    public async Task Get_WhenPathUnknown_ReturnsNotFound()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/no-such-endpoint", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

/// <summary>Readiness follows the store: a replica whose database is gone is not ready.</summary>
public sealed class ReadinessStoreTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "govauthz-ready-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Readyz_WhenStoreBecomesUnreachable_Answers503WithStoreCode()
    {
        using var factory = new DecisionServerFactory().WithWebHostBuilder(builder => builder.UseSetting("GovAuthZ:DataDir", _dataDir));
        using var client = factory.CreateClient();
        using (var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        // The folder (and the SQLite file in it) disappears under the running server; pooled connections
        // are dropped so the probe really has to open the file again.
        Directory.Delete(_dataDir, recursive: true);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("not-ready", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("GAZ3092", body.RootElement.GetProperty("code").GetString());
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }
}
