using GovAuthZ.Policy.Roles;

namespace GovAuthZ.Policy.Tests.Roles;

public sealed class RoleGraphDomainPatternTests
{
    private static RoleGraph WithDomainPatterns(Func<string, string, bool> matcher, params string[] links)
    {
        var builder = RoleGraphs.Builder(links);
        builder.DomainMatcher = matcher;
        return builder.Build();
    }

    private static bool PrefixDomain(string domain, string pattern)
        => pattern == "*"
            || string.Equals(domain, pattern, StringComparison.Ordinal)
            || (pattern.EndsWith('*') && domain.StartsWith(pattern[..^1], StringComparison.Ordinal));

    [Fact]
    public void HasLink_WhenLinkInStarDomain_AppliesInKnownAndUnknownDomains()
    {
        var graph = WithDomainPatterns(TestMatchers.StarDomain, "alice, admin, *", "bob, reader, dom1");

        Assert.True(graph.HasLink("alice", "admin", "dom1"));
        Assert.True(graph.HasLink("alice", "admin", "never-mentioned"));
        Assert.False(graph.HasLink("bob", "reader", "dom2"));
    }

    [Fact]
    public void HasLink_WhenNoDomainMatcher_StarIsJustADomainName()
    {
        var graph = RoleGraphs.Build("alice, admin, *");

        Assert.False(graph.HasLink("alice", "admin", "dom1"));
        Assert.True(graph.HasLink("alice", "admin", "*"));
    }

    [Fact]
    public void GetClosure_WhenDomainHasOwnAndPatternLinks_KeepsInsertionOrder()
    {
        var graph = WithDomainPatterns(TestMatchers.StarDomain, "alice, admin, *", "alice, auditor, dom1");

        Assert.Equal(["admin:1", "auditor:1"], RoleGraphs.Describe(graph.GetClosure("alice", "dom1")));
        Assert.Equal(["admin:1"], RoleGraphs.Describe(graph.GetClosure("alice", "dom2")));
    }

    [Fact]
    public void GetClosure_WhenChainCrossesPatternAndOwnLinks_IsTransitive()
    {
        var graph = WithDomainPatterns(TestMatchers.StarDomain, "admin, root, *", "alice, admin, dom1");

        Assert.Equal(["admin:1", "root:2"], RoleGraphs.Describe(graph.GetClosure("alice", "dom1")));
    }

    [Fact]
    public void GetClosure_WhenUnknownDomainMatchesOnlyStar_SharesTheStarDomainClosure()
    {
        var graph = WithDomainPatterns(TestMatchers.StarDomain, "alice, admin, *", "bob, reader, dom1");

        Assert.Same(graph.GetClosure("alice", "*"), graph.GetClosure("alice", "tenant-7"));
    }

    [Fact]
    public void GetClosure_WhenUnknownDomainMatchesTwoPatterns_MergesBoth()
    {
        var graph = WithDomainPatterns(PrefixDomain, "alice, admin, *", "alice, auditor, org/*");

        Assert.Equal(["admin:1", "auditor:1"], RoleGraphs.Describe(graph.GetClosure("alice", "org/1")));
        Assert.Equal(["admin:1"], RoleGraphs.Describe(graph.GetClosure("alice", "gov/1")));
    }

    [Fact]
    public void GetClosure_WhenUnknownDomainMatchesNoPattern_IsEmpty()
    {
        var graph = WithDomainPatterns(PrefixDomain, "alice, auditor, org/*");

        Assert.Same(RoleClosure.Empty, graph.GetClosure("alice", "gov/1"));
    }

    [Fact]
    public void GetClosure_WhenMergedPatternDomainsFormACycle_StopsWithoutThrowing()
    {
        // "a" and "b" do not match each other, so each compiles acyclic; only "ab" sees both links.
        var graph = WithDomainPatterns(
            static (domain, pattern) => domain.Contains(pattern, StringComparison.Ordinal), "x, y, a", "y, x, b");

        Assert.Equal(["y:1"], RoleGraphs.Describe(graph.GetClosure("x", "ab")));
        Assert.True(graph.HasLink("y", "x", "ab"));
        Assert.False(graph.HasLink("y", "x", "a"));
    }

    [Fact]
    public void HasLink_WhenDomainLessQueryAndStarLink_IsFalse()
    {
        var graph = WithDomainPatterns(TestMatchers.StarDomain, "alice, admin, *");

        Assert.False(graph.HasLink("alice", "admin", null));
    }

    [Fact]
    public void HasLink_WhenNameAndDomainPatternsTogether_MatchesBoth()
    {
        var builder = RoleGraphs.Builder("/book/:id, book_admin, *");
        builder.NameMatcher = TestMatchers.KeyMatch2;
        builder.DomainMatcher = TestMatchers.StarDomain;

        var graph = builder.Build();

        Assert.True(graph.HasLink("/book/3", "book_admin", "tenant9"));
        Assert.False(graph.HasLink("/author/3", "book_admin", "tenant9"));
    }

    [Fact]
    public void GetClosure_WhenManyDistinctUnknownDomains_StaysCorrect()
    {
        var graph = WithDomainPatterns(TestMatchers.StarDomain, "alice, admin, *");

        for (var i = 0; i < BoundedCache<DomainGraph>.Capacity + 50; i++)
        {
            Assert.True(graph.HasLink("alice", "admin", $"tenant-{i}"));
        }
    }
}
