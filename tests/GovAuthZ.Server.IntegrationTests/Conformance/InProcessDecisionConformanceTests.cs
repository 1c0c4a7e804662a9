using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.Tests.Shared.Conformance;

namespace GovAuthZ.Server.IntegrationTests.Conformance;

/// <summary>The suite against DecisionService called directly, no transport in between.</summary>
public sealed class InProcessDecisionConformanceTests : DecisionConformanceSuite
{
    [Fact]
    public void Cases_WhenEveryFileIsTranslated_OnlyTheTextLevelCaseCannotBeSent()
    {
        var inexpressible = new List<string>();
        var refused = new List<string>();
        foreach (var file in ShippedCases.TestFileNames())
        {
            var (cases, left) = ApiCases.Load(file, ReferenceDecisions.Catalog);
            inexpressible.AddRange(left);
            refused.AddRange(cases.Where(c => c.ApiError is not null).Select(c => c.Name));
        }

        // The typed contract cannot send a level as text, so the engine's type-mismatch case stays engine-only.
        Assert.Equal(["evaluation-errors:15"], inexpressible);

        // A missing clearance and an unknown purpose are refused by the API before deciding; township posts
        // (9-digit region codes) are decided like every other level.
        Assert.Equal(["evaluation-errors:12", "purpose-limitation:30"], refused);
    }

    protected override Task<CheckOutcome> CheckAsync(CheckRequest request) => Task.FromResult(ReferenceDecisions.Check(request));

    protected override Task<BatchOutcome> CheckBatchAsync(CheckBatchRequest request) => Task.FromResult(ReferenceDecisions.CheckBatch(request));
}
