using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.Core.Errors;
using GovAuthZ.Server.Decisions;

namespace GovAuthZ.Server.IntegrationTests.Decisions;

/// <summary>
/// The decision cache behind Check and CheckBatch: a repeated check is answered from the cache with the
/// same response, a reload makes the next check a miss decided by the new policy, and nothing that was
/// not decided (invalid requests, no policy loaded) is ever stored.
/// </summary>
public sealed class DecisionCachingTests : IDisposable
{
    private const string CaseworkerRule = "p, role:caseworker, read, social-assistance-eligibility, shared, important, personal, township, true, allow\n";

    private readonly PolicyFolderCopy _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Check_WhenSameRequestTwice_SecondIsCacheHitWithSameAnswerAndNewDecisionId()
    {
        using var harness = new DecisionHarness(_folder.Path);

        var first = harness.Service.Check(DecisionHarness.Parse(DecisionClient.AllowedCheck));
        var second = harness.Service.Check(DecisionHarness.Parse(DecisionClient.AllowedCheck));

        Assert.Equal(["miss", "hit"], harness.Lookups);
        Assert.True(second.Allowed);
        Assert.NotEqual(first.DecisionId, second.DecisionId);
        Assert.Equal(WithoutId(first), WithoutId(second));
        Assert.Equal(1, harness.Cache.Count);
    }

    [Fact]
    public void Check_WhenAnsweredFromCache_MatchesExplainDecisionAndUncachedService()
    {
        using var cached = new DecisionHarness(_folder.Path);
        using var uncached = new DecisionHarness(_folder.Path, cacheEntries: 0);

        foreach (var json in new[] { DecisionClient.AllowedCheck, DecisionClient.DeniedCheck })
        {
            var request = DecisionHarness.Parse(json);
            cached.Service.Check(request);
            var hit = cached.Service.Check(request);
            var fresh = uncached.Service.Check(request);
            var explained = uncached.Service.Explain(request).Decision;

            Assert.Equal(WithoutId(fresh), WithoutId(hit));
            Assert.Equal(WithoutId(explained), WithoutId(hit));
        }

        Assert.Equal(["miss", "hit", "miss", "hit"], cached.Lookups);
        Assert.Empty(uncached.Lookups);
        Assert.Equal(0, uncached.Cache.Count);
    }

    [Fact]
    public void Check_WhenPolicyReloadedWithoutTheAllowRule_NextCheckMissesAndDenies()
    {
        using var harness = new DecisionHarness(_folder.Path);
        var request = DecisionHarness.Parse(DecisionClient.AllowedCheck);
        Assert.True(harness.Service.Check(request).Allowed);
        Assert.True(harness.Service.Check(request).Allowed);

        _folder.Edit("policy.csv", CaseworkerRule, string.Empty);
        Assert.Equal(2, harness.Store.Reload().Bundle!.Revision);
        var afterReload = harness.Service.Check(request);
        var again = harness.Service.Check(request);

        Assert.Equal(["miss", "hit", "miss", "hit"], harness.Lookups);
        Assert.False(afterReload.Allowed);
        Assert.Equal(2, afterReload.PolicyRevision);
        Assert.Equal(WithoutId(afterReload), WithoutId(again));
    }

    [Fact]
    public void Check_WhenOnlyCatalogChanged_NextCheckMissesAndCarriesTheNewMasks()
    {
        using var harness = new DecisionHarness(_folder.Path);
        var request = DecisionHarness.Parse(DecisionClient.AllowedCheck);
        Assert.Equal(["name", "id_number"], harness.Service.Check(request).Obligations.Single(o => o.MaskFields is not null).MaskFields.Fields);

        _folder.Edit("catalog.yaml", "{ name: employer, type: text, mask: none }", "{ name: employer, type: text, mask: redact }");
        harness.Store.Reload();
        var response = harness.Service.Check(request);

        Assert.Equal(["miss", "miss"], harness.Lookups);
        Assert.Equal(3, response.Obligations.Count);
        Assert.Equal(MaskStyle.Full, response.Obligations[1].MaskFields.Style);
        Assert.Equal(["employer"], response.Obligations[1].MaskFields.Fields);
    }

    [Fact]
    public void Check_WhenRequestInvalid_ThrowsEveryTimeAndStoresNothing()
    {
        using var harness = new DecisionHarness(_folder.Path);
        var request = DecisionHarness.Parse(DecisionClient.Check(DecisionClient.Wang, "ds_no_such_dataset", "social-assistance-eligibility"));

        var first = Assert.Throws<GovAuthZException>(() => harness.Service.Check(request));
        var second = Assert.Throws<GovAuthZException>(() => harness.Service.Check(request));

        Assert.Equal(ErrorCode.DecisionUnknownDataset, first.Code);
        Assert.Equal(ErrorCode.DecisionUnknownDataset, second.Code);
        Assert.Equal(["miss", "miss"], harness.Lookups);
        Assert.Equal(0, harness.Cache.Count);
    }

    [Fact]
    public void Check_WhenEvaluationFails_DeniesWithErrorCodeAndStoresNothing()
    {
        using var harness = new DecisionHarness(_folder.Path);
        // An attribute-form resource without the attributes the matcher reads: a deny carrying an
        // evaluation error, which may be transient and so is never cached.
        var request = DecisionHarness.Parse("""{"principal":""" + DecisionClient.Wang + ""","resource":{"attributes":{"values":{"id":"x"}}},"action":"read","purpose":"social-assistance-eligibility"}""");

        var response = harness.Service.Check(request);
        harness.Service.Check(request);

        Assert.False(response.Allowed);
        Assert.StartsWith("GAZ14", Assert.Single(response.Reasons), StringComparison.Ordinal);
        Assert.Equal(["miss", "miss"], harness.Lookups);
        Assert.Equal(0, harness.Cache.Count);
    }

    [Fact]
    public void Check_WhenNoPolicyLoaded_DeniesNotReadyAndNeverConsultsTheCache()
    {
        using var harness = new DecisionHarness(_folder.Path, load: false);
        var request = DecisionHarness.Parse(DecisionClient.AllowedCheck);

        var response = harness.Service.Check(request);
        harness.Service.Check(request);

        Assert.False(response.Allowed);
        Assert.Equal(ErrorCodes.Format(ErrorCode.DecisionNotReady), response.Reasons[0]);
        Assert.Empty(harness.Lookups);
        Assert.Equal(0, harness.Cache.Count);
    }

    [Fact]
    public void CheckBatch_WhenChecksRepeat_AnswersRepeatsFromCacheInOrder()
    {
        using var harness = new DecisionHarness(_folder.Path);
        var batch = new CheckBatchRequest();
        batch.Checks.Add(DecisionHarness.Parse(DecisionClient.AllowedCheck));
        batch.Checks.Add(DecisionHarness.Parse(DecisionClient.DeniedCheck));
        batch.Checks.Add(DecisionHarness.Parse(DecisionClient.AllowedCheck));

        var response = harness.Service.CheckBatch(batch);

        Assert.Equal([true, false, true], response.Results.Select(r => r.Allowed));
        Assert.Equal(["miss", "miss", "hit"], harness.Lookups);
        Assert.Equal(WithoutId(response.Results[0]), WithoutId(response.Results[2]));
    }

    [Fact]
    public void Check_WhenKeyLongerThanStackScratch_StillCachesThroughPooledBuffer()
    {
        using var harness = new DecisionHarness(_folder.Path);
        var request = DecisionHarness.Parse(DecisionClient.AllowedCheck);
        request.CitizenId = new string('c', CheckKeyWriter.StackBytes);

        Assert.True(harness.Service.Check(request).Allowed);
        Assert.True(harness.Service.Check(request).Allowed);

        Assert.Equal(["miss", "hit"], harness.Lookups);
    }

    private static CheckResponse WithoutId(CheckResponse response)
    {
        var copy = response.Clone();
        copy.DecisionId = string.Empty;
        return copy;
    }
}
