using Google.Protobuf;
using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.LoadGen.Scenarios;

namespace GovAuthZ.LoadGen.Tests.Scenarios;

public sealed class CheckRequestsTests
{
    [Fact]
    public void Fixed_WhenBuilt_IsTheSameCompleteRequestEveryTime()
    {
        var first = CheckRequests.Fixed();

        Assert.Equal(first.ToByteArray(), CheckRequests.Fixed().ToByteArray());
        AssertComplete(first);
        Assert.Equal("official:wang", first.Principal.Official.Id);
        Assert.Equal("ds_hr_social_insurance_nj", first.Resource.DatasetId);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(500)]
    public void Varied_WhenCount_ReturnsThatManyDistinctCompleteRequests(int count)
    {
        var requests = CheckRequests.Varied(count);

        Assert.Equal(count, requests.Length);
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var request in requests)
        {
            AssertComplete(request);
            Assert.True(distinct.Add(request.ToByteString().ToBase64()), "two variants are the same request");
        }
    }

    [Fact]
    public void Varied_WhenWithinDistinctPairs_VariesPrincipalsAndDatasetsWithoutCitizen()
    {
        var requests = CheckRequests.Varied(CheckRequests.DistinctPairs);
        var officials = new HashSet<string>(StringComparer.Ordinal);
        var datasets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var request in requests)
        {
            officials.Add(request.Principal.Official.Id);
            datasets.Add(request.Resource.DatasetId);
            Assert.Empty(request.CitizenId);
        }

        Assert.True(officials.Count > 10);
        Assert.True(datasets.Count > 10);
    }

    [Fact]
    public void Varied_WhenAllPairs_NameOnlyDatasetsAndPurposesTheShippedPoliciesDefine()
    {
        var policies = Path.Combine(RepositoryRoot(), "policies");
        var catalog = File.ReadAllText(Path.Combine(policies, "catalog.yaml"));
        var purposes = File.ReadAllText(Path.Combine(policies, "purposes.yaml"));
        foreach (var request in CheckRequests.Varied(CheckRequests.DistinctPairs))
        {
            Assert.Contains("id: " + request.Resource.DatasetId + "\n", catalog, StringComparison.Ordinal);
            Assert.Contains("id: " + request.Purpose + "\n", purposes, StringComparison.Ordinal);
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GovAuthZ.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("cannot find the repository root");
    }

    private static void AssertComplete(CheckRequest request)
    {
        var official = request.Principal.Official;
        Assert.NotEmpty(official.Id);
        Assert.NotEmpty(official.Department);
        Assert.Matches("^[0-9]{6}$", official.Region);
        Assert.NotEqual(AdministrativeLevel.Unspecified, official.Level);
        Assert.NotEqual(DataGrade.Unspecified, official.Clearance);
        Assert.StartsWith("ds_", request.Resource.DatasetId, StringComparison.Ordinal);
        Assert.NotEmpty(request.Action);
        Assert.NotEmpty(request.Purpose);
    }
}
