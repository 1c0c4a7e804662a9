using GovAuthZ.Policy.Roles;

namespace GovAuthZ.Policy.Tests.Roles;

public sealed class RoleGraphSubjectDepthTests
{
    // The hierarchy of Casbin's subjectPriority example: root > admin > (editor > jane, subscriber > alice).
    private static readonly RoleGraph Tree = RoleGraphs.Build(
        "admin, root", "editor, admin", "subscriber, admin", "jane, editor", "alice, subscriber");

    [Theory]
    [InlineData("root", 0)]
    [InlineData("admin", 1)]
    [InlineData("editor", 2)]
    [InlineData("subscriber", 2)]
    [InlineData("jane", 3)]
    [InlineData("alice", 3)]
    [InlineData("not-in-hierarchy", 0)]
    public void SubjectDepth_WhenTree_CountsLinksUpToTheTop(string subject, int expected)
    {
        Assert.Equal(expected, Tree.SubjectDepth(subject, null));
    }

    [Fact]
    public void SubjectDepth_WhenUsedAsDescendingStableSortKey_PutsUsersBeforeTheirRoles()
    {
        string[] ruleSubjects = ["root", "admin", "editor", "subscriber", "jane", "alice"];

        var ordered = ruleSubjects.OrderByDescending(s => Tree.SubjectDepth(s, null)).ToArray();

        Assert.Equal(["jane", "alice", "editor", "subscriber", "admin", "root"], ordered);
    }

    [Fact]
    public void SubjectDepth_WhenTwoPathsToTheTop_TakesTheLongest()
    {
        var graph = RoleGraphs.Build("x, a", "a, b", "b, top", "x, top");

        Assert.Equal(3, graph.SubjectDepth("x", null));
        Assert.Equal(3, graph.GetClosure("x", null).Count);
    }

    [Fact]
    public void SubjectDepth_IsNotCutAtMaxDepth()
    {
        var builder = RoleGraphs.Builder(RoleGraphs.Chain(15));
        builder.MaxDepth = 5;

        Assert.Equal(15, builder.Build().SubjectDepth("u", null));
    }

    [Fact]
    public void SubjectDepth_WhenDomains_UsesOnlyThatDomainsLinks()
    {
        var graph = RoleGraphs.Build("jane, editor, dom1", "editor, admin, dom1", "jane, admin, dom2");

        Assert.Equal(2, graph.SubjectDepth("jane", "dom1"));
        Assert.Equal(1, graph.SubjectDepth("jane", "dom2"));
        Assert.Equal(0, graph.SubjectDepth("jane", "dom3"));
        Assert.Equal(0, graph.SubjectDepth("jane", null));
    }

    [Fact]
    public void SubjectDepth_IgnoresLinksThatApplyOnlyThroughADomainPattern()
    {
        var builder = RoleGraphs.Builder("editor, admin, *", "jane, editor, dom1");
        builder.DomainMatcher = TestMatchers.StarDomain;

        var graph = builder.Build();

        Assert.Equal(1, graph.SubjectDepth("jane", "dom1"));
        Assert.True(graph.HasLink("jane", "admin", "dom1"));
    }
}
