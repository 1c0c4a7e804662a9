namespace GovAuthZ.Policy.Tests.Enforcement;

/// <summary>Role links (g) and named types (p2, g2) through the management API.</summary>
public sealed class GroupingPolicyTests
{
    private const string Policy = """
        p, admin, data1, write
        p, reader, data1, read
        p2, billing, invoices
        g, alice, admin
        g, bob, reader
        g2, app1, billing
        """;

    [Fact]
    public void AddGroupingPolicy_WhenNew_GrantsRoleRulesAndBumpsRevisionOnce()
    {
        var enforcer = Enforcer.FromText(Models.Named, Policy);
        var before = enforcer.Revision;
        Assert.False(enforcer.Allows("carol", "data1", "read"));

        Assert.True(enforcer.AddGroupingPolicy("carol", "reader"));

        Assert.Equal(before + 1, enforcer.Revision);
        Assert.True(enforcer.Allows("carol", "data1", "read"));
        Assert.True(enforcer.HasGroupingPolicy("carol", "reader"));
    }

    [Fact]
    public void AddGroupingPolicy_WhenDuplicate_ReturnsFalseAndKeepsRevision()
    {
        var enforcer = Enforcer.FromText(Models.Named, Policy);
        var before = enforcer.Revision;

        Assert.False(enforcer.AddGroupingPolicy("alice", "admin"));

        Assert.Equal(before, enforcer.Revision);
        Assert.Equal(2, enforcer.GetGroupingPolicy().Count);
    }

    [Fact]
    public void RemoveGroupingPolicy_WhenPresent_RevokesRoleRules()
    {
        var enforcer = Enforcer.FromText(Models.Named, Policy);
        var before = enforcer.Revision;

        Assert.True(enforcer.RemoveGroupingPolicy("alice", "admin"));

        Assert.Equal(before + 1, enforcer.Revision);
        Assert.False(enforcer.Allows("alice", "data1", "write"));
        Assert.False(enforcer.HasGroupingPolicy("alice", "admin"));
        Assert.False(enforcer.RemoveGroupingPolicy("alice", "admin"));
        Assert.Equal(before + 1, enforcer.Revision);
    }

    [Fact]
    public void RemoveFilteredGroupingPolicy_WhenRoleGiven_RemovesEveryMemberOfIt()
    {
        var enforcer = Enforcer.FromText(Models.Named, Policy + "\ng, carol, reader\n");

        Assert.True(enforcer.RemoveFilteredGroupingPolicy(1, "reader"));

        Assert.Equal([["alice", "admin"]], enforcer.GetGroupingPolicy());
        Assert.False(enforcer.Allows("bob", "data1", "read"));
        Assert.False(enforcer.Allows("carol", "data1", "read"));
        Assert.True(enforcer.Allows("alice", "data1", "write"));
    }

    [Fact]
    public void GetGroupingPolicy_WhenNamedTypesPresent_ReturnsOnlyGLinks()
    {
        var enforcer = Enforcer.FromText(Models.Named, Policy);

        Assert.Equal([["alice", "admin"], ["bob", "reader"]], enforcer.GetGroupingPolicy());
        Assert.Equal([["app1", "billing"]], enforcer.GetNamedGroupingPolicy("g2"));
        Assert.Equal([["billing", "invoices"]], enforcer.GetNamedPolicy("p2"));
        Assert.Equal(2, enforcer.GetPolicy().Count);
    }

    [Fact]
    public void AddNamedPolicy_WhenP2AndG2_ChangesSecondContextDecisions()
    {
        var enforcer = Enforcer.FromText(Models.Named, Policy);
        var context = EnforceContext.WithSuffix("2");
        var before = enforcer.Revision;
        Assert.True(enforcer.Enforce(context, Models.Request("app1", "invoices")));
        Assert.False(enforcer.Enforce(context, Models.Request("app2", "receipts")));

        Assert.True(enforcer.AddNamedPolicy("p2", "auditor", "receipts"));
        Assert.True(enforcer.AddNamedPolicy("g2", "app2", "auditor"));

        Assert.Equal(before + 2, enforcer.Revision);
        Assert.True(enforcer.Enforce(context, Models.Request("app2", "receipts")));
        Assert.False(enforcer.Enforce(context, Models.Request("app2", "invoices")));
        Assert.True(enforcer.HasNamedPolicy("g2", "app2", "auditor"));
        Assert.False(enforcer.HasGroupingPolicy("app2", "auditor"));
    }

    [Fact]
    public void RemoveNamedPolicy_WhenG2Link_LeavesGUntouched()
    {
        var enforcer = Enforcer.FromText(Models.Named, Policy + "\ng, app1, billing\n");
        var context = EnforceContext.WithSuffix("2");

        Assert.True(enforcer.RemoveNamedPolicy("g2", "app1", "billing"));

        Assert.False(enforcer.Enforce(context, Models.Request("app1", "invoices")));
        Assert.True(enforcer.HasGroupingPolicy("app1", "billing"));
        Assert.Empty(enforcer.GetNamedGroupingPolicy("g2"));
    }

    [Fact]
    public void GetFilteredNamedPolicy_WhenP2_FiltersOnlyThatType()
    {
        var enforcer = Enforcer.FromText(Models.Named, Policy + "\np2, billing, receipts\np, billing, data9, read\n");

        var rules = enforcer.GetFilteredNamedPolicy("p2", 0, "billing");

        Assert.Equal([["billing", "invoices"], ["billing", "receipts"]], rules);
    }

    [Fact]
    public void UpdateNamedPolicy_WhenP2_KeepsPositionAndRevisionIncrementsOnce()
    {
        var enforcer = Enforcer.FromText(Models.Named, Policy + "\np2, billing, receipts\n");
        var before = enforcer.Revision;

        Assert.True(enforcer.UpdateNamedPolicy("p2", ["billing", "invoices"], ["billing", "ledgers"]));

        Assert.Equal(before + 1, enforcer.Revision);
        Assert.Equal([["billing", "ledgers"], ["billing", "receipts"]], enforcer.GetNamedPolicy("p2"));
        Assert.True(enforcer.Enforce(EnforceContext.WithSuffix("2"), Models.Request("app1", "ledgers")));
        Assert.False(enforcer.Enforce(EnforceContext.WithSuffix("2"), Models.Request("app1", "invoices")));
    }
}
