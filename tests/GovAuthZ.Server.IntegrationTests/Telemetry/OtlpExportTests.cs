using System.Net;
using System.Net.Sockets;
using System.Text;
using GovAuthZ.Server.IntegrationTests.Decisions;
using GovAuthZ.Server.Telemetry;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace GovAuthZ.Server.IntegrationTests.Telemetry;

/// <summary>
/// With GovAuthZ:Telemetry:OtlpEndpoint set, the server's OpenTelemetry pipeline collects the decision
/// instruments and its OTLP exporter posts them to the endpoint (here a local receiver standing in for a
/// collector); without it, no pipeline exists.
/// <para>
/// The SDK subscribes to meters by name across the whole process, so checks made by tests running in
/// parallel would add to the counts; the collection runs these tests on their own.
/// </para>
/// </summary>
[Collection(OtlpExportRunsAlone.Name)]
public sealed class OtlpExportTests
{
    [Fact]
    public async Task Check_WhenOtlpEndpointSet_PipelineCollectsAndExportsDecisionMetrics()
    {
        using var receiver = new OtlpReceiver();
        var snapshots = new List<MetricSnapshot>();
        using var factory = new DecisionServerFactory().WithWebHostBuilder(builder => builder
            .UseSetting("GovAuthZ:Telemetry:OtlpEndpoint", receiver.Root)
            .UseSetting("GovAuthZ:Telemetry:OtlpProtocol", "http/protobuf")
            .ConfigureTestServices(services => services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(snapshots))));
        using var client = factory.CreateClient();

        var (response, body) = await DecisionClient.PostAsync(client, "/v1/check", DecisionClient.AllowedCheck);
        response.Dispose();
        body.Dispose();
        Assert.True(factory.Services.GetRequiredService<MeterProvider>().ForceFlush(30_000));

        var decisions = snapshots.Last(s => s.Name == DecisionMetrics.DecisionsName);
        var point = Assert.Single(decisions.MetricPoints);
        Assert.Equal(1, point.GetSumLong());
        Assert.Equal("allow", TagOf(point, DecisionMetrics.OutcomeTag));
        Assert.Equal("rest", TagOf(point, DecisionMetrics.TransportTag));
        Assert.Contains(snapshots, s => s.Name == DecisionMetrics.DurationName && s.Unit == "s");
        Assert.Contains(snapshots, s => s.Name == DecisionMetrics.CacheLookupsName);

        var export = receiver.Received.First(r => r.Path == "/v1/metrics");
        Assert.Equal("application/x-protobuf", export.ContentType);
        Assert.Contains(DecisionMetrics.DecisionsName, Encoding.UTF8.GetString(export.Body), StringComparison.Ordinal);
    }

    [Fact]
    public void Services_WhenOtlpEndpointUnset_HaveNoMeterProvider()
    {
        using var factory = new DecisionServerFactory();

        Assert.Null(factory.Services.GetService<MeterProvider>());
    }

    private static string? TagOf(MetricPoint point, string name)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == name)
            {
                return tag.Value?.ToString();
            }
        }

        return null;
    }

    /// <summary>A stand-in OTLP/HTTP collector on a loopback port: answers 200 to every post and keeps it.</summary>
    private sealed class OtlpReceiver : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly List<(string Path, string? ContentType, byte[] Body)> _received = [];
        private readonly Task _loop;

        public OtlpReceiver()
        {
            Root = $"http://127.0.0.1:{FreePort()}/";
            _listener.Prefixes.Add(Root);
            _listener.Start();
            _loop = Task.Run(ServeAsync);
        }

        public string Root { get; }

        public IReadOnlyList<(string Path, string? ContentType, byte[] Body)> Received
        {
            get
            {
                lock (_received)
                {
                    return [.. _received];
                }
            }
        }

        public void Dispose()
        {
            _listener.Close();
            _ = _loop.ContinueWith(static _ => { }, TaskScheduler.Default);
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception error) when (error is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                lock (_received)
                {
                    _received.Add((context.Request.Url!.AbsolutePath, context.Request.ContentType, body.ToArray()));
                }

                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        }

        private static int FreePort()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OtlpExportRunsAlone
{
    public const string Name = "OTLP export (alone)";
}
