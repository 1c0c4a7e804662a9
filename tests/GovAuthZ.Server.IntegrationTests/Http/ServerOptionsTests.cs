using GovAuthZ.Server.Configuration;
using Microsoft.Extensions.Configuration;

namespace GovAuthZ.Server.IntegrationTests.Http;

public sealed class ServerOptionsTests
{
    [Fact]
    public void From_WhenSectionAbsent_UsesEmbeddedDefaults()
    {
        var configuration = new ConfigurationBuilder().Build();

        var options = ServerOptions.From(configuration);

        Assert.Equal("http://127.0.0.1:8080", options.Http.Url);
        Assert.Equal("http://127.0.0.1:8081", options.Grpc.Url);
        Assert.Equal("policies", options.PolicyDir);
        Assert.Equal("data", options.DataDir);
    }

    [Fact]
    public void From_WhenKeysSet_BindsEveryKey()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["GovAuthZ:Http:Url"] = "http://127.0.0.1:9090",
                ["GovAuthZ:Grpc:Url"] = "http://127.0.0.1:9091",
                ["GovAuthZ:PolicyDir"] = "/srv/policies",
                ["GovAuthZ:DataDir"] = "/srv/data",
            })
            .Build();

        var options = ServerOptions.From(configuration);

        Assert.Equal("http://127.0.0.1:9090", options.Http.Url);
        Assert.Equal("http://127.0.0.1:9091", options.Grpc.Url);
        Assert.Equal("/srv/policies", options.PolicyDir);
        Assert.Equal("/srv/data", options.DataDir);
    }

    [Fact]
    public void From_WhenOnlyHttpUrlSet_KeepsOtherDefaults()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["GovAuthZ:Http:Url"] = "http://127.0.0.1:9090",
            })
            .Build();

        var options = ServerOptions.From(configuration);

        Assert.Equal("http://127.0.0.1:9090", options.Http.Url);
        Assert.Equal("http://127.0.0.1:8081", options.Grpc.Url);
        Assert.Equal("policies", options.PolicyDir);
    }

    [Fact]
    public void From_WhenCacheAndTelemetryKeysAbsent_CachesAndExportsNothing()
    {
        var options = ServerOptions.From(new ConfigurationBuilder().Build());

        Assert.Equal(100_000, options.Decision.CacheEntries);
        Assert.Null(options.Telemetry.OtlpEndpoint);
        Assert.Equal("grpc", options.Telemetry.OtlpProtocol);
    }

    [Fact]
    public void From_WhenCacheAndTelemetryKeysSet_BindsThem()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["GovAuthZ:Decision:CacheEntries"] = "0",
                ["GovAuthZ:Telemetry:OtlpEndpoint"] = "http://127.0.0.1:4318",
                ["GovAuthZ:Telemetry:OtlpProtocol"] = "http/protobuf",
            })
            .Build();

        var options = ServerOptions.From(configuration);

        Assert.Equal(0, options.Decision.CacheEntries);
        Assert.Equal("http://127.0.0.1:4318", options.Telemetry.OtlpEndpoint);
        Assert.Equal("http/protobuf", options.Telemetry.OtlpProtocol);
    }
}
