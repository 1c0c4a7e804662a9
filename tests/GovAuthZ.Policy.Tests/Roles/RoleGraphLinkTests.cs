using GovAuthZ.Policy.Roles;

namespace GovAuthZ.Policy.Tests.Roles;

public sealed class RoleGraphLinkTests
{
    [Fact]
    public void HasLink_WhenDirectLink_IsTrue()
    {
        var graph = RoleGraphs.Build("alice, admin");

        Assert.True(graph.HasLink("alice", "admin", null));
    }

    [Fact]
    public void HasLink_WhenReversed_IsFalse()
    {
        var graph = RoleGraphs.Build("alice, admin");

        Assert.False(graph.HasLink("admin", "alice", null));
    }

    [Fact]
    public void HasLink_WhenTransitive_IsTrue()
    {
        var graph = RoleGraphs.Build("alice, editor", "editor, admin", "admin, root");

        Assert.True(graph.HasLink("alice", "root", null));
    }

    [Fact]
    public void HasLink_WhenSameName_IsTrueEvenIfUnknown()
    {
        var graph = RoleGraphs.Build("alice, admin");

        Assert.True(graph.HasLink("nobody", "nobody", null));
        Assert.True(graph.HasLink("nobody", "nobody", "anywhere"));
    }

    [Fact]
    public void HasLink_WhenNamesDifferOnlyInCase_IsFalse()
    {
        var graph = RoleGraphs.Build("alice, admin");

        Assert.False(graph.HasLink("alice", "Admin", null));
        Assert.False(graph.HasLink("Alice", "Alice2", null));
    }

    [Fact]
    public void HasLink_WhenUnknownName_IsFalse()
    {
        var graph = RoleGraphs.Build("alice, admin");

        Assert.False(graph.HasLink("bob", "admin", null));
        Assert.False(graph.HasLink("alice", "ghost", null));
    }

    [Fact]
    public void HasLink_WhenSiblingRoles_IsFalse()
    {
        var graph = RoleGraphs.Build("alice, reader", "bob, writer");

        Assert.False(graph.HasLink("alice", "writer", null));
    }

    [Fact]
    public void GetClosure_WhenChainAndBranches_OrdersByDepthThenInsertion()
    {
        var graph = RoleGraphs.Build(
            "alice, editor", "alice, auditor", "editor, admin", "auditor, viewer", "admin, root");

        var closure = graph.GetClosure("alice", null);

        Assert.Equal(["editor:1", "auditor:1", "admin:2", "viewer:2", "root:3"], RoleGraphs.Describe(closure));
    }

    [Fact]
    public void GetClosure_WhenDiamond_ReportsShortestDepthOnce()
    {
        var graph = RoleGraphs.Build("u, a", "a, b", "b, top", "u, top");

        var closure = graph.GetClosure("u", null);

        Assert.Equal(["a:1", "top:1", "b:2"], RoleGraphs.Describe(closure));
    }

    [Fact]
    public void GetClosure_DoesNotIncludeTheNameItself()
    {
        var graph = RoleGraphs.Build("alice, admin");

        Assert.DoesNotContain("alice", graph.GetClosure("alice", null).Roles.ToArray());
    }

    [Fact]
    public void GetClosure_WhenUnknownName_IsTheSharedEmptyClosure()
    {
        var graph = RoleGraphs.Build("alice, admin");

        Assert.Same(RoleClosure.Empty, graph.GetClosure("bob", null));
        Assert.Same(RoleClosure.Empty, graph.GetClosure("alice", "no-such-domain"));
    }

    [Fact]
    public void GetClosure_WhenTopRole_IsEmpty()
    {
        var graph = RoleGraphs.Build("alice, admin");

        Assert.Equal(0, graph.GetClosure("admin", null).Count);
    }

    [Fact]
    public void GetClosure_WhenNamesHaveSameDirectRoles_SharesOneInstance()
    {
        var graph = RoleGraphs.Build("alice, staff", "bob, staff", "staff, everyone");

        Assert.Same(graph.GetClosure("alice", null), graph.GetClosure("bob", null));
        Assert.Equal(["staff:1", "everyone:2"], RoleGraphs.Describe(graph.GetClosure("bob", null)));
    }

    [Fact]
    public void GetClosure_WhenDomainsDiffer_KeepsThemIndependent()
    {
        var graph = RoleGraphs.Build("alice, admin, dom1", "alice, reader, dom2", "admin, root, dom1");

        Assert.Equal(["admin:1", "root:2"], RoleGraphs.Describe(graph.GetClosure("alice", "dom1")));
        Assert.Equal(["reader:1"], RoleGraphs.Describe(graph.GetClosure("alice", "dom2")));
    }

    [Fact]
    public void HasLink_WhenLinkIsInAnotherDomain_IsFalse()
    {
        var graph = RoleGraphs.Build("alice, admin, dom1", "admin, root, dom2");

        Assert.True(graph.HasLink("alice", "admin", "dom1"));
        Assert.False(graph.HasLink("alice", "admin", "dom2"));
        Assert.False(graph.HasLink("alice", "root", "dom1"));
        Assert.False(graph.HasLink("alice", "admin", null));
    }

    [Fact]
    public void HasLink_WhenDomainLessLinkAndDomainQuery_IsFalse()
    {
        var graph = RoleGraphs.Build("alice, admin");

        Assert.False(graph.HasLink("alice", "admin", "dom1"));
    }

    [Fact]
    public void AddLink_WhenDuplicate_ReturnsFalseAndKeepsOneLink()
    {
        var builder = RoleGraphs.Builder("alice, admin");

        var added = builder.AddLink("alice", "admin", null, default);

        Assert.False(added);
        Assert.Equal(1, builder.Count);
        Assert.Single(builder.Build().Links);
    }

    [Fact]
    public void AddLink_WhenSameNamesInOtherDomain_IsADifferentLink()
    {
        var builder = RoleGraphs.Builder("alice, admin, dom1");

        Assert.True(builder.AddLink("alice", "admin", "dom2", default));
        Assert.True(builder.AddLink("alice", "admin", null, default));
        Assert.Equal(3, builder.Count);
    }

    [Fact]
    public void RemoveLink_WhenPresent_UnlinksAndKeepsOrderOfOthers()
    {
        var builder = RoleGraphs.Builder("alice, a", "alice, b", "alice, c");

        Assert.True(builder.RemoveLink("alice", "b", null));
        var graph = builder.Build();

        Assert.False(graph.HasLink("alice", "b", null));
        Assert.Equal(["a:1", "c:1"], RoleGraphs.Describe(graph.GetClosure("alice", null)));
        Assert.Equal(["a", "c"], graph.Links.Select(l => l.Name2));
    }

    [Fact]
    public void RemoveLink_WhenAbsentOrOtherDomain_ReturnsFalse()
    {
        var builder = RoleGraphs.Builder("alice, admin, dom1");

        Assert.False(builder.RemoveLink("alice", "admin", "dom2"));
        Assert.False(builder.RemoveLink("alice", "admin", null));
        Assert.False(builder.RemoveLink("bob", "admin", "dom1"));
        Assert.Equal(1, builder.Count);
    }

    [Fact]
    public void RemoveLink_ThenAddAgain_MovesLinkToTheEnd()
    {
        var builder = RoleGraphs.Builder("alice, a", "alice, b");
        builder.RemoveLink("alice", "a", null);
        builder.AddLink("alice", "a", null, default);

        var graph = builder.Build();

        Assert.Equal(["b:1", "a:1"], RoleGraphs.Describe(graph.GetClosure("alice", null)));
    }

    [Fact]
    public void Build_WhenNoLinks_AnswersOnlyIdentity()
    {
        var graph = new RoleGraphBuilder().Build();

        Assert.True(graph.HasLink("x", "x", null));
        Assert.False(graph.HasLink("x", "y", null));
        Assert.Empty(graph.Links);
        Assert.Empty(graph.Warnings);
    }

    [Fact]
    public void AddLink_WhenNameNull_Throws()
    {
        var builder = new RoleGraphBuilder();

        Assert.Throws<ArgumentNullException>(() => builder.AddLink(null!, "admin", null, default));
    }
}
