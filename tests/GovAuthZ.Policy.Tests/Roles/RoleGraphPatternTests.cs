using GovAuthZ.Policy.Roles;

namespace GovAuthZ.Policy.Tests.Roles;

public sealed class RoleGraphPatternTests
{
    private static RoleGraph WithNamePatterns(params string[] links)
    {
        var builder = RoleGraphs.Builder(links);
        builder.NameMatcher = TestMatchers.KeyMatch2;
        return builder.Build();
    }

    [Fact]
    public void HasLink_WhenUnknownNameMatchesPattern_GetsPatternRole()
    {
        var graph = WithNamePatterns("/book/:id, book_admin");

        Assert.True(graph.HasLink("/book/1", "book_admin", null));
        Assert.False(graph.HasLink("/author/1", "book_admin", null));
    }

    [Fact]
    public void HasLink_WhenNoNameMatcher_TreatsPatternLiterally()
    {
        var graph = RoleGraphs.Build("/book/:id, book_admin");

        Assert.False(graph.HasLink("/book/1", "book_admin", null));
        Assert.True(graph.HasLink("/book/:id", "book_admin", null));
    }

    [Fact]
    public void GetClosure_WhenUnknownNameMatchesPattern_FollowsPatternRolesTransitively()
    {
        var graph = WithNamePatterns("/book/:id, book_admin", "book_admin, staff");

        var closure = graph.GetClosure("/book/42", null);

        Assert.Equal(["book_admin:1", "staff:2"], RoleGraphs.Describe(closure));
    }

    [Fact]
    public void GetClosure_WhenKnownNameAlsoMatchesPattern_HasOwnRolesThenPatternRoles()
    {
        var graph = WithNamePatterns("/book/:id, book_admin", "/book/1, featured");

        var closure = graph.GetClosure("/book/1", null);

        Assert.Equal(["featured:1", "book_admin:1"], RoleGraphs.Describe(closure));
    }

    [Fact]
    public void GetClosure_WhenRoleReachedMatchesPattern_GetsPatternRolesToo()
    {
        var graph = WithNamePatterns("alice, /team/red", "/team/:name, member");

        var closure = graph.GetClosure("alice", null);

        Assert.Equal(["/team/red:1", "member:2"], RoleGraphs.Describe(closure));
    }

    [Fact]
    public void GetClosure_WhenUnknownNameMatchesNothing_IsEmpty()
    {
        var graph = WithNamePatterns("/book/:id, book_admin");

        Assert.Equal(0, graph.GetClosure("/author/1", null).Count);
    }

    [Fact]
    public void GetClosure_WhenSameUnknownNameAskedTwice_ReturnsCachedInstance()
    {
        var graph = WithNamePatterns("/book/:id, book_admin");

        Assert.Same(graph.GetClosure("/book/9", null), graph.GetClosure("/book/9", null));
    }

    [Fact]
    public void HasLink_WhenFirstNameMatchesSecondAsPattern_IsTrue()
    {
        var graph = WithNamePatterns("alice, admin");

        Assert.True(graph.HasLink("/book/1", "/book/:id", null));
        Assert.False(graph.HasLink("/book/:id", "/book/1", null));
    }

    [Fact]
    public void HasLink_WhenReachedRoleMatchesSecondAsPattern_IsTrue()
    {
        var graph = WithNamePatterns("alice, /book/7");

        Assert.True(graph.HasLink("alice", "/book/:id", null));
        Assert.False(graph.HasLink("alice", "/author/:id", null));
    }

    [Fact]
    public void GetClosure_WhenCatchAllPatternMatchesItsOwnRole_ExcludesTheRoleFromItself()
    {
        var builder = RoleGraphs.Builder("alice, admin", "*, everyone");
        builder.NameMatcher = static (name, pattern) => pattern == "*";

        var graph = builder.Build();

        Assert.Equal(["admin:1", "everyone:1"], RoleGraphs.Describe(graph.GetClosure("alice", null)));
        Assert.Equal(0, graph.GetClosure("everyone", null).Count);
        Assert.True(graph.HasLink("stranger", "everyone", null));
    }

    [Fact]
    public void HasNamePatterns_ReflectsTheMatcher()
    {
        Assert.True(WithNamePatterns("a, b").HasNamePatterns);
        Assert.False(RoleGraphs.Build("a, b").HasNamePatterns);
    }
}
