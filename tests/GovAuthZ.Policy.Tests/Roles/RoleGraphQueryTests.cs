using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Roles;

namespace GovAuthZ.Policy.Tests.Roles;

public sealed class RoleGraphQueryTests
{
    private static readonly RoleGraph Sample = RoleGraphs.Build(
        "alice, editor", "bob, editor", "editor, admin", "carol, admin", "admin, root", "dave, admin, dom1");

    [Fact]
    public void GetRoles_ReturnsDirectRolesOnly()
    {
        Assert.Equal(["editor"], Sample.GetRoles("alice", null));
        Assert.Equal(["admin"], Sample.GetRoles("dave", "dom1"));
        Assert.Empty(Sample.GetRoles("root", null));
    }

    [Fact]
    public void GetRoles_WhenNameMatchesPattern_IncludesPatternRoles()
    {
        var builder = RoleGraphs.Builder("/book/:id, book_admin");
        builder.NameMatcher = TestMatchers.KeyMatch2;

        Assert.Equal(["book_admin"], builder.Build().GetRoles("/book/5", null));
    }

    [Fact]
    public void GetUsers_ReturnsDirectMembersInOrder()
    {
        Assert.Equal(["alice", "bob"], Sample.GetUsers("editor", null));
        Assert.Equal(["editor", "carol"], Sample.GetUsers("admin", null));
        Assert.Equal(["dave"], Sample.GetUsers("admin", "dom1"));
        Assert.Empty(Sample.GetUsers("ghost", null));
    }

    [Fact]
    public void GetImplicitRoles_ReturnsClosureNearestFirst()
    {
        Assert.Equal(["editor", "admin", "root"], Sample.GetImplicitRoles("alice", null));
        Assert.Empty(Sample.GetImplicitRoles("alice", "dom1"));
    }

    [Fact]
    public void GetImplicitUsers_ReturnsEveryoneReachingTheRole()
    {
        Assert.Equal(["alice", "editor", "bob", "carol"], Sample.GetImplicitUsers("admin", null));
        Assert.Equal(["alice", "editor", "bob", "admin", "carol"], Sample.GetImplicitUsers("root", null));
        Assert.Empty(Sample.GetImplicitUsers("alice", null));
    }

    [Fact]
    public void GetImplicitUsers_WhenBeyondMaxDepth_LeavesOutTheFarUser()
    {
        var builder = RoleGraphs.Builder(RoleGraphs.Chain(3));
        builder.MaxDepth = 2;

        Assert.Equal(["r1", "r2"], builder.Build().GetImplicitUsers("r3", null));
    }

    [Fact]
    public void GetDomains_ListsNamedDomainsInOrder()
    {
        var graph = RoleGraphs.Build("a, b, dom2", "a, b", "c, d, dom1", "e, f, dom2");

        Assert.Equal(["dom2", "dom1"], graph.GetDomains());
    }

    [Fact]
    public void GetAllNames_ListsEachNameOnceInOrder()
    {
        Assert.Equal(["alice", "editor", "bob", "admin", "carol", "root", "dave"], Sample.GetAllNames());
    }

    [Fact]
    public void Links_KeepInsertionOrderDomainAndLocation()
    {
        var graph = RoleGraphs.Build("a, b", "c, d, dom1");

        Assert.Equal(
            [
                new RoleLink("a", "b", null, new SourceLocation(RoleGraphs.File, 1, 1)),
                new RoleLink("c", "d", "dom1", new SourceLocation(RoleGraphs.File, 2, 1)),
            ],
            graph.Links);
    }

    [Fact]
    public void Links_ShareOneStringInstancePerName()
    {
        var builder = new RoleGraphBuilder();
        builder.AddLink("alice", new string("admin".AsSpan()), null, default);
        builder.AddLink(new string("admin".AsSpan()), "root", null, default);

        var links = builder.Build().Links;

        Assert.Same(links[0].Name2, links[1].Name1);
    }
}
