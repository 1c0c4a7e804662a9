using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.Core.Errors;
using GovAuthZ.Server.Catalog;

namespace GovAuthZ.Server.IntegrationTests.Decisions;

/// <summary>Retention limits come from purposes.yaml and travel as an obligation on allows only.</summary>
public sealed class RetentionObligationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("govauthz-retention-").FullName;

    [Fact]
    public void Check_WhenAllowedForPurposeWithRetention_CarriesRetentionObligation()
    {
        using var harness = new DecisionHarness(ShippedPolicies.Directory);

        var response = harness.Service.Check(DecisionHarness.Parse(DecisionClient.AllowedCheck));

        Assert.True(response.Allowed);
        var retention = Assert.Single(response.Obligations, o => o.KindCase == Obligation.KindOneofCase.Retention);
        Assert.Equal(TimeSpan.FromDays(90), retention.Retention.MaxAge.ToTimeSpan());
    }

    [Fact]
    public void Check_WhenCachedAllowRepeated_CarriesTheSameRetention()
    {
        using var harness = new DecisionHarness(ShippedPolicies.Directory);
        var request = DecisionHarness.Parse(DecisionClient.AllowedCheck);
        harness.Service.Check(request);

        var cached = harness.Service.Check(request);

        Assert.Equal("hit", harness.Lookups[^1]);
        Assert.Contains(cached.Obligations, o => o.Retention?.MaxAge.ToTimeSpan() == TimeSpan.FromDays(90));
    }

    [Fact]
    public void Check_WhenDenied_CarriesNoObligations()
    {
        using var harness = new DecisionHarness(ShippedPolicies.Directory);

        var response = harness.Service.Check(DecisionHarness.Parse(DecisionClient.DeniedCheck));

        Assert.False(response.Allowed);
        Assert.Empty(response.Obligations);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("ninety")]
    [InlineData("36501")]
    public void Load_WhenRetentionDaysInvalid_FailsWithPurposesLocation(string days)
    {
        var catalog = Path.Combine(ShippedPolicies.Directory, "catalog.yaml");
        var purposes = Path.Combine(_folder, "purposes.yaml");
        File.WriteAllText(purposes, $"purposes:\n  - id: p1\n    legalBasis: statutory-duty\n    retentionDays: {days}\n");

        var error = Assert.Throws<GovAuthZException>(() => CatalogLoader.Load(catalog, purposes));

        Assert.Equal(ErrorCode.CatalogInvalid, error.Code);
        Assert.Equal("purposes.yaml:4:20", error.Location.ToString());
        Assert.Contains("retentionDays", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenRetentionDaysAbsent_PurposeHasNoRetention()
    {
        var catalog = Path.Combine(ShippedPolicies.Directory, "catalog.yaml");
        var purposes = Path.Combine(_folder, "purposes.yaml");
        File.WriteAllText(purposes, "purposes:\n  - id: p1\n    legalBasis: consent\n");

        var loaded = CatalogLoader.Load(catalog, purposes);

        Assert.Null(loaded.Purposes["p1"].Retention);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
