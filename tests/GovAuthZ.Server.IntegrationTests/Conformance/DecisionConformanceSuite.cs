using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.Server.Decisions;
using GovAuthZ.Tests.Shared.Conformance;

namespace GovAuthZ.Server.IntegrationTests.Conformance;

/// <summary>
/// One suite, three paths: every shipped case (policies/tests/*.yaml) and a few invalid requests go through
/// a path and must come back as the case expects and exactly as the in-process reference decides:
/// allowed, reasons, matched rule and obligations. Decision ids and revisions are per server, so they are
/// only checked for being present. Subclasses supply the path.
/// </summary>
public abstract class DecisionConformanceSuite
{
    /// <summary>One check over this path.</summary>
    protected abstract Task<CheckOutcome> CheckAsync(CheckRequest request);

    /// <summary>One batch over this path.</summary>
    protected abstract Task<BatchOutcome> CheckBatchAsync(CheckBatchRequest request);

    public static TheoryData<string> Files() => new(ShippedCases.TestFileNames());

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Check_WhenShippedCasesRun_AnswersAsTheCasesAndTheReference(string file)
    {
        var (cases, _) = ApiCases.Load(file, ReferenceDecisions.Catalog);
        var failures = new List<string>();
        foreach (var apiCase in cases)
        {
            var outcome = await CheckAsync(apiCase.Request);
            failures.AddRange(DecisionAssertions.Compare(apiCase, outcome, ReferenceDecisions.Check(apiCase.Request)));
        }

        Assert.NotEmpty(cases);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task CheckBatch_WhenAFileRunsAsOneBatch_AnswersLikeSingleChecksInOrder(string file)
    {
        var (cases, _) = ApiCases.Load(file, ReferenceDecisions.Catalog);
        var decided = cases.Where(c => c.ApiError is null).ToList();
        var batch = new CheckBatchRequest();
        batch.Checks.Add(decided.Select(c => c.Request));
        Assert.InRange(batch.Checks.Count, 1, ReferenceDecisions.MaxBatch);

        var outcome = await CheckBatchAsync(batch);

        Assert.Null(outcome.Error);
        Assert.Equal(decided.Count, outcome.Results!.Count);
        var failures = new List<string>();
        for (var i = 0; i < decided.Count; i++)
        {
            failures.AddRange(DecisionAssertions.Compare(decided[i], new CheckOutcome(outcome.Results[i], null), ReferenceDecisions.Check(decided[i].Request)));
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Single(outcome.Results.Select(r => r.PolicyRevision).Distinct());
    }

    [Theory]
    [InlineData("unknown-dataset", "GAZ2001")]
    [InlineData("unknown-purpose", "GAZ2002")]
    [InlineData("no-principal", "GAZ2005")]
    [InlineData("app-principal", "GAZ2005")]
    [InlineData("no-action", "GAZ2005")]
    [InlineData("no-resource", "GAZ2005")]
    [InlineData("region-not-six-digits", "GAZ2005")]
    public async Task Check_WhenRequestIsInvalid_ReportsTheReferenceCode(string kind, string code)
    {
        var request = InvalidRequests.Build(kind);

        var outcome = await CheckAsync(request);

        Assert.Null(outcome.Response);
        Assert.Equal(code, outcome.Error);
        Assert.Equal(code, ReferenceDecisions.Check(request).Error);
    }

    [Fact]
    public async Task CheckBatch_WhenOverTheLimit_ReportsBatchTooLargeWithCountAndLimit()
    {
        var batch = new CheckBatchRequest();
        for (var i = 0; i <= ReferenceDecisions.MaxBatch; i++)
        {
            batch.Checks.Add(InvalidRequests.Valid());
        }

        var outcome = await CheckBatchAsync(batch);

        Assert.Equal("GAZ2003", outcome.Error);
        Assert.Equal("the batch holds 101 checks; at most 100 are allowed", outcome.Detail);
        Assert.Equal(ReferenceDecisions.CheckBatch(batch).Detail, outcome.Detail);
    }

    [Fact]
    public async Task CheckBatch_WhenOneEntryIsInvalid_ReportsItsCodeAndIndex()
    {
        var batch = new CheckBatchRequest();
        batch.Checks.Add(InvalidRequests.Valid());
        batch.Checks.Add(InvalidRequests.Build("unknown-dataset"));

        var outcome = await CheckBatchAsync(batch);

        Assert.Equal("GAZ2001", outcome.Error);
        Assert.StartsWith("checks[1]: ", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(ReferenceDecisions.CheckBatch(batch).Detail, outcome.Detail);
    }

    [Fact]
    public async Task Check_WhenValid_CarriesADecisionIdAndARevision()
    {
        var outcome = await CheckAsync(InvalidRequests.Valid());

        Assert.True(outcome.Response!.Allowed);
        Assert.True(Guid.TryParse(outcome.Response.DecisionId, out _));
        Assert.True(outcome.Response.PolicyRevision >= 1);
        Assert.Equal([DecisionResult.AllowedByRule], outcome.Response.Reasons);
    }
}
