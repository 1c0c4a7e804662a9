using GovAuthZ.Policy.Roles;

namespace GovAuthZ.Policy.Tests.Roles;

public sealed class RoleGraphDepthTests
{
    [Fact]
    public void HasLink_WhenChainOfElevenAndDefaultDepth_ReachesTenthNotEleventh()
    {
        var graph = RoleGraphs.Build(RoleGraphs.Chain(11));

        Assert.Equal(10, graph.MaxDepth);
        Assert.True(graph.HasLink("u", "r10", null));
        Assert.False(graph.HasLink("u", "r11", null));
    }

    [Fact]
    public void GetClosure_WhenChainOfElevenAndDefaultDepth_StopsAtDepthTenAndIsTruncated()
    {
        var graph = RoleGraphs.Build(RoleGraphs.Chain(11));

        var closure = graph.GetClosure("u", null);

        Assert.Equal(10, closure.Count);
        Assert.Equal("r10", closure.Roles[^1]);
        Assert.Equal(10, closure.Depths[^1]);
        Assert.True(closure.IsTruncated);
    }

    [Fact]
    public void GetClosure_WhenChainOfExactlyMaxDepth_IsComplete()
    {
        var graph = RoleGraphs.Build(RoleGraphs.Chain(10));

        var closure = graph.GetClosure("u", null);

        Assert.Equal(10, closure.Count);
        Assert.False(closure.IsTruncated);
        Assert.Empty(graph.Warnings);
    }

    [Fact]
    public void Warnings_WhenChainOfEleven_NameOnlyTheTruncatedSubject()
    {
        var graph = RoleGraphs.Build(RoleGraphs.Chain(11));

        var warning = Assert.Single(graph.Warnings);
        Assert.Contains("'u'", warning, StringComparison.Ordinal);
        Assert.Contains("deeper than 10 levels", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_WhenTruncatedInADomain_NameTheDomain()
    {
        var graph = RoleGraphs.Build(RoleGraphs.Chain(11, "dom1"));

        var warning = Assert.Single(graph.Warnings);
        Assert.Contains("in domain 'dom1'", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_WhenSeveralSubjectsShareATruncatedClosure_ListEach()
    {
        var links = RoleGraphs.Chain(11).Append("v, r1").ToArray();
        var graph = RoleGraphs.Build(links);

        Assert.Equal(2, graph.Warnings.Count);
        Assert.Contains(graph.Warnings, w => w.Contains("'v'", StringComparison.Ordinal));
    }

    [Fact]
    public void HasLink_WhenMaxDepthConfigured_FollowsThatManyLinks()
    {
        var builder = RoleGraphs.Builder(RoleGraphs.Chain(5));
        builder.MaxDepth = 3;

        var graph = builder.Build();

        Assert.True(graph.HasLink("u", "r3", null));
        Assert.False(graph.HasLink("u", "r4", null));
        Assert.True(graph.HasLink("r1", "r4", null));
        Assert.Equal(3, graph.MaxDepth);
    }

    [Fact]
    public void HasLink_WhenMaxDepthRaised_ReachesBeyondTen()
    {
        var builder = RoleGraphs.Builder(RoleGraphs.Chain(15));
        builder.MaxDepth = 20;

        var graph = builder.Build();

        Assert.True(graph.HasLink("u", "r15", null));
        Assert.Empty(graph.Warnings);
    }

    [Fact]
    public void GetClosure_WhenMaxDepthOne_HoldsOnlyDirectRoles()
    {
        var builder = RoleGraphs.Builder("u, a", "u, b", "a, c");
        builder.MaxDepth = 1;

        var closure = builder.Build().GetClosure("u", null);

        Assert.Equal(["a:1", "b:1"], RoleGraphs.Describe(closure));
        Assert.True(closure.IsTruncated);
    }

    [Fact]
    public void GetClosure_WhenLongPathAlsoHasShortcut_IsNotTruncated()
    {
        var builder = RoleGraphs.Builder("u, a", "a, b", "b, c", "u, c");
        builder.MaxDepth = 2;

        var closure = builder.Build().GetClosure("u", null);

        Assert.Equal(["a:1", "c:1", "b:2"], RoleGraphs.Describe(closure));
        Assert.False(closure.IsTruncated);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void MaxDepth_WhenBelowOne_Throws(int depth)
    {
        var builder = new RoleGraphBuilder();

        Assert.Throws<ArgumentOutOfRangeException>(() => builder.MaxDepth = depth);
    }
}
