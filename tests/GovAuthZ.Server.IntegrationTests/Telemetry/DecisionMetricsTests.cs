using System.Diagnostics.Metrics;
using Google.Protobuf;
using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.Grpc.Hosting;
using GovAuthZ.Server.Authentication;
using GovAuthZ.Server.Configuration;
using GovAuthZ.Server.IntegrationTests.Decisions;
using GovAuthZ.Server.Telemetry;
using GovAuthZ.Server.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GovAuthZ.Server.IntegrationTests.Telemetry;

/// <summary>Check records decisions, cache lookups and latency with the documented names and tags.</summary>
public sealed class DecisionMetricsTests
{
    [Fact]
    public void Check_WhenListened_RecordsDecisionLookupAndDurationWithTags()
    {
        using var harness = new DecisionHarness(ShippedPolicies.Directory);

        harness.Service.Check(DecisionHarness.Parse(DecisionClient.AllowedCheck));
        harness.Service.Check(DecisionHarness.Parse(DecisionClient.AllowedCheck));
        harness.Service.Check(DecisionHarness.Parse(DecisionClient.DeniedCheck));

        var decisions = harness.Metrics.Of(DecisionMetrics.DecisionsName);
        Assert.Equal(["allow", "allow", "deny"], decisions.Select(d => d.Tag(DecisionMetrics.OutcomeTag)));
        Assert.All(decisions, d => Assert.Equal(1, d.Value));
        Assert.All(decisions, d => Assert.Equal("inproc", d.Tag(DecisionMetrics.TransportTag)));

        Assert.Equal(["miss", "hit", "miss"], harness.Lookups);
        Assert.All(harness.Metrics.Of(DecisionMetrics.CacheLookupsName), l => Assert.Single(l.Tags));

        var durations = harness.Metrics.Of(DecisionMetrics.DurationName);
        Assert.Equal(["miss", "hit", "miss"], durations.Select(d => d.Tag(DecisionMetrics.CacheTag)));
        Assert.Equal(["allow", "allow", "deny"], durations.Select(d => d.Tag(DecisionMetrics.OutcomeTag)));
        Assert.All(durations, d => Assert.InRange(d.Value, double.Epsilon, 60));
    }

    [Fact]
    public void Check_WhenCacheDisabled_RecordsNoLookupsAndCacheNone()
    {
        using var harness = new DecisionHarness(ShippedPolicies.Directory, cacheEntries: 0);

        harness.Service.Check(DecisionHarness.Parse(DecisionClient.AllowedCheck));

        Assert.Empty(harness.Lookups);
        Assert.Equal("none", Assert.Single(harness.Metrics.Of(DecisionMetrics.DurationName)).Tag(DecisionMetrics.CacheTag));
    }

    [Fact]
    public void Start_WhenNobodyListens_ReadsNoClock()
    {
        using var meters = new TestMeterFactory();
        var metrics = new DecisionMetrics(meters, new CountingTimeProvider());

        var started = metrics.Start();
        metrics.Decided(true, DecisionTransport.Rest, CacheUse.Hit, started);

        Assert.Equal(0, started);
    }

    [Fact]
    public async Task Check_WhenCalledOverRest_TagsTransportRest()
    {
        using var factory = new DecisionServerFactory();
        using var client = factory.CreateClient();
        using var recorder = new MetricRecorder(factory.Services.GetRequiredService<IMeterFactory>());

        var (response, body) = await DecisionClient.PostAsync(client, "/v1/check", DecisionClient.AllowedCheck);
        response.Dispose();
        body.Dispose();

        var decision = Assert.Single(recorder.Of(DecisionMetrics.DecisionsName));
        Assert.Equal("rest", decision.Tag(DecisionMetrics.TransportTag));
        Assert.Equal("allow", decision.Tag(DecisionMetrics.OutcomeTag));
    }

    [Fact]
    public async Task Check_WhenCalledThroughGrpcMethod_TagsTransportGrpc()
    {
        using var harness = new DecisionHarness(ShippedPolicies.Directory);
        var registry = DecisionGrpcMethods.Create(harness.Service, harness.Store, LocalAccess());
        var method = Assert.IsType<UnaryMethod>(registry.Find(DecisionGrpcMethods.CheckPath));

        // A bare call context: the transport around the handler is tested elsewhere.
        var call = new GrpcCallContext(DecisionGrpcMethods.CheckPath, null, new HeaderDictionary(), CancellationToken.None);
        var result = await method.Handler(DecisionHarness.Parse(DecisionClient.AllowedCheck).ToByteArray(), call);

        Assert.True(CheckResponse.Parser.ParseFrom(result.Message.Span).Allowed);
        var decision = Assert.Single(harness.Metrics.Of(DecisionMetrics.DecisionsName));
        Assert.Equal("grpc", decision.Tag(DecisionMetrics.TransportTag));
    }

    private static DecisionAccess LocalAccess() =>
        new(new CallerAuthenticator(AuthMode.Local, null, new VerifiedTokenCache(0, TimeProvider.System)));

    /// <summary>Fails the test if anything reads its clock.</summary>
    private sealed class CountingTimeProvider : TimeProvider
    {
        public override long GetTimestamp() => throw new InvalidOperationException("the clock was read although nobody listens");
    }
}
