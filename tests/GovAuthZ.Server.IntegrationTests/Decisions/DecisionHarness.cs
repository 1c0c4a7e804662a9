using Google.Protobuf;
using GovAuthZ.Caching;
using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.Server.Decisions;
using GovAuthZ.Server.IntegrationTests.Telemetry;
using GovAuthZ.Server.Telemetry;

namespace GovAuthZ.Server.IntegrationTests.Decisions;

/// <summary>
/// A DecisionService over a policy folder, with its own meters and a recorder listening to them, so a
/// test can see cache hits and misses without a web host.
/// </summary>
internal sealed class DecisionHarness : IDisposable
{
    private readonly TestMeterFactory _meters = new();

    public DecisionHarness(string policyDir, int cacheEntries = 1_000, bool load = true)
    {
        Store = new PolicyStore(policyDir);
        if (load)
        {
            Assert.NotNull(Store.Reload().Bundle);
        }

        Cache = DecisionCache.CreateInProcess<DecisionResult>(new DecisionCacheOptions { Capacity = cacheEntries });
        Metrics = new MetricRecorder(_meters);
        Service = new DecisionService(Store, TimeProvider.System, 100, Cache, new DecisionMetrics(_meters, TimeProvider.System));
    }

    public PolicyStore Store { get; }

    public IDecisionCache<DecisionResult> Cache { get; }

    public MetricRecorder Metrics { get; }

    public DecisionService Service { get; }

    /// <summary>Results of the cache lookups recorded so far, in order ("hit" or "miss").</summary>
    public IReadOnlyList<string?> Lookups => Metrics.Of(DecisionMetrics.CacheLookupsName).Select(r => r.Tag(DecisionMetrics.ResultTag)).ToList();

    public static CheckRequest Parse(string json) => JsonParser.Default.Parse<CheckRequest>(json);

    public void Dispose()
    {
        Metrics.Dispose();
        _meters.Dispose();
    }
}
