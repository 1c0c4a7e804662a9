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
