using GovAuthZ.Core.Errors;

namespace GovAuthZ.Policy.Tests.Roles;

public sealed class RoleGraphCycleTests
{
    [Fact]
    public void Build_WhenThreeRoleCycle_ThrowsRoleCycleWithPath()
    {
        var builder = RoleGraphs.Builder("a, b", "b, c", "c, a");

        var error = Assert.Throws<GovAuthZException>(builder.Build);

        Assert.Equal(ErrorCode.RoleCycle, error.Code);
        Assert.Equal("role cycle: a -> b -> c -> a", error.Detail);
    }

    [Fact]
    public void Build_WhenCycle_PointsAtALinkOfTheCycle()
    {
        var builder = RoleGraphs.Builder("alice, a", "a, b", "b, a");

        var error = Assert.Throws<GovAuthZException>(builder.Build);

        Assert.Equal(new SourceLocation(RoleGraphs.File, 2, 1), error.Location);
        Assert.Equal("role cycle: a -> b -> a", error.Detail);
        Assert.StartsWith("GAZ1301: policy.csv:2:1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WhenSelfLink_ThrowsRoleCycle()
    {
        var builder = RoleGraphs.Builder("alice, admin", "admin, admin");

        var error = Assert.Throws<GovAuthZException>(builder.Build);

        Assert.Equal(ErrorCode.RoleCycle, error.Code);
        Assert.Equal("role cycle: admin -> admin", error.Detail);
        Assert.Equal(2, error.Location.Line);
    }

    [Fact]
    public void Build_WhenCycleInsideOneDomain_NamesTheDomain()
    {
        var builder = RoleGraphs.Builder("a, b, dom1", "b, a, dom1");

        var error = Assert.Throws<GovAuthZException>(builder.Build);

        Assert.Equal("role cycle: a -> b -> a in domain 'dom1'", error.Detail);
    }

    [Fact]
    public void Build_WhenLinksOnlyCycleAcrossDomains_Succeeds()
    {
        var graph = RoleGraphs.Build("a, b, dom1", "b, a, dom2");

        Assert.True(graph.HasLink("a", "b", "dom1"));
        Assert.True(graph.HasLink("b", "a", "dom2"));
        Assert.False(graph.HasLink("b", "a", "dom1"));
    }

    [Fact]
    public void Build_WhenDomainLessAndDomainLinksWouldCycle_Succeeds()
    {
        var graph = RoleGraphs.Build("a, b", "b, a, dom1");

        Assert.True(graph.HasLink("a", "b", null));
        Assert.False(graph.HasLink("a", "b", "dom1"));
    }

    [Fact]
    public void Build_WhenCycleRemoved_Succeeds()
    {
        var builder = RoleGraphs.Builder("a, b", "b, c", "c, a");
        builder.RemoveLink("c", "a", null);

        var graph = builder.Build();

        Assert.True(graph.HasLink("a", "c", null));
    }

    [Fact]
    public void Build_WhenCycleClosesThroughADomainPattern_ThrowsRoleCycle()
    {
        var builder = RoleGraphs.Builder("a, b, *", "b, a, dom1");
        builder.DomainMatcher = TestMatchers.StarDomain;

        var error = Assert.Throws<GovAuthZException>(builder.Build);

        Assert.Equal(ErrorCode.RoleCycle, error.Code);
        Assert.Contains("in domain 'dom1'", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WhenDiamondNotCycle_Succeeds()
    {
        var graph = RoleGraphs.Build("u, a", "u, b", "a, top", "b, top");

        Assert.True(graph.HasLink("u", "top", null));
    }
}
