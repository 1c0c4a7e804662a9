using GovAuthZ.Caching;
using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.Core.Errors;
using GovAuthZ.Server.Catalog;
using GovAuthZ.Server.Decisions;
using GovAuthZ.Server.IntegrationTests.Decisions;
using GovAuthZ.Server.IntegrationTests.Telemetry;
using GovAuthZ.Server.Telemetry;

namespace GovAuthZ.Server.IntegrationTests.Conformance;

/// <summary>
/// The decision service in this process over the shipped policies, with the server's default batch limit:
/// the in-process path, and the reference the transports are compared with. Loaded once per test run.
/// </summary>
internal static class ReferenceDecisions
{
    public const int MaxBatch = 100;

    private static readonly Lazy<(PolicyStore Store, DecisionService Service)> Loaded = new(() =>
    {
        var store = new PolicyStore(ShippedPolicies.Directory);
        if (store.Reload().Bundle is null)
        {
            throw new InvalidOperationException("the shipped policies did not load: " + store.Current.LastReloadError?.Message);
        }

        // The reference decides every check afresh (cache off), so the transports' cached answers are
        // compared with cold ones.
        var cache = DecisionCache.CreateInProcess<DecisionResult>(new DecisionCacheOptions { Capacity = 0 });
        return (store, new DecisionService(store, TimeProvider.System, MaxBatch, cache, new DecisionMetrics(new TestMeterFactory(), TimeProvider.System)));
    });

    public static DecisionService Service => Loaded.Value.Service;

    public static PolicyCatalog Catalog => Loaded.Value.Store.Current.Bundle!.Catalog;

    public static CheckOutcome Check(CheckRequest request)
    {
        try
        {
            return new CheckOutcome(Service.Check(request), null);
        }
        catch (GovAuthZException error)
        {
            return new CheckOutcome(null, error.CodeId);
        }
    }

    public static BatchOutcome CheckBatch(CheckBatchRequest request)
    {
        try
        {
            return new BatchOutcome(Service.CheckBatch(request).Results, null, null);
        }
        catch (GovAuthZException error)
        {
            return new BatchOutcome(null, error.CodeId, error.Detail);
        }
    }
}
