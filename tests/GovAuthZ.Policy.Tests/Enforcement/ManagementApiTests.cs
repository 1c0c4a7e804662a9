namespace GovAuthZ.Policy.Tests.Enforcement;

/// <summary>Adding, removing, updating and querying p rules: results, revisions and the decisions that follow.</summary>
public sealed class ManagementApiTests
{
    private const string Policy = """
        p, alice, data1, read
        p, bob, data2, write
        p, carol, data1, read
        """;

    [Fact]
    public void AddPolicy_WhenNew_ReturnsTrueBumpsRevisionOnceAndAllows()
    {
        var enforcer = Enforcer.FromText(Models.Acl, Policy);
        var before = enforcer.Revision;
        Assert.False(enforcer.Allows("dave", "data3", "read"));

        Assert.True(enforcer.AddPolicy("dave", "data3", "read"));

        Assert.Equal(before + 1, enforcer.Revision);
        Assert.True(enforcer.Allows("dave", "data3", "read"));
        Assert.True(enforcer.HasPolicy("dave", "data3", "read"));
        Assert.Equal(["dave", "data3", "read"], enforcer.GetPolicy()[^1]);
    }

    [Fact]
    public void AddPolicy_WhenDuplicate_ReturnsFalseAndKeepsRevision()
    {
        var enforcer = Enforcer.FromText(Models.Acl, Policy);
        var before = enforcer.Revision;

        Assert.False(enforcer.AddPolicy("alice", "data1", "read"));

        Assert.Equal(before, enforcer.Revision);
        Assert.Equal(3, enforcer.GetPolicy().Count);
    }

    [Fact]
    public void AddNamedPolicies_WhenSomeNew_AddsOnlyNewInOneRevision()
    {
        var enforcer = Enforcer.FromText(Models.Acl, Policy);
        var before = enforcer.Revision;

        var added = enforcer.AddNamedPolicies("p", [["alice", "data1", "read"], ["erin", "data4", "read"], ["frank", "data5", "write"]]);

        Assert.True(added);
        Assert.Equal(before + 1, enforcer.Revision);
        Assert.Equal(5, enforcer.GetPolicy().Count);
        Assert.True(enforcer.Allows("erin", "data4", "read"));
        Assert.True(enforcer.Allows("frank", "data5", "write"));
    }

    [Fact]
    public void AddNamedPolicies_WhenAllDuplicates_ReturnsFalseAndKeepsRevision()
    {
        var enforcer = Enforcer.FromText(Models.Acl, Policy);
        var before = enforcer.Revision;

        Assert.False(enforcer.AddNamedPolicies("p", [["alice", "data1", "read"], ["bob", "data2", "write"]]));

        Assert.Equal(before, enforcer.Revision);
    }

    [Fact]
    public void RemovePolicy_WhenPresent_ReturnsTrueBumpsRevisionAndDenies()
    {
        var enforcer = Enforcer.FromText(Models.Acl, Policy);
        var before = enforcer.Revision;

        Assert.True(enforcer.RemovePolicy("bob", "data2", "write"));

        Assert.Equal(before + 1, enforcer.Revision);
        Assert.False(enforcer.Allows("bob", "data2", "write"));
        Assert.False(enforcer.HasPolicy("bob", "data2", "write"));
        Assert.True(enforcer.Allows("alice", "data1", "read"));
    }

    [Fact]
    public void RemovePolicy_WhenAbsent_ReturnsFalseAndKeepsRevision()
    {
        var enforcer = Enforcer.FromText(Models.Acl, Policy);
        var before = enforcer.Revision;

        Assert.False(enforcer.RemovePolicy("bob", "data2", "read"));

        Assert.Equal(before, enforcer.Revision);
        Assert.Equal(3, enforcer.GetPolicy().Count);
    }

    [Fact]
    public void UpdatePolicy_WhenPresent_ReplacesInPlaceAndChangesDecisions()
    {
        var enforcer = Enforcer.FromText(Models.Acl, Policy);
        var before = enforcer.Revision;

        Assert.True(enforcer.UpdatePolicy(["bob", "data2", "write"], ["bob", "data2", "read"]));

        Assert.Equal(before + 1, enforcer.Revision);
        Assert.Equal(["bob", "data2", "read"], enforcer.GetPolicy()[1]);
        Assert.Equal(3, enforcer.GetPolicy().Count);
        Assert.True(enforcer.Allows("bob", "data2", "read"));
        Assert.False(enforcer.Allows("bob", "data2", "write"));
    }

    [Fact]
    public void UpdatePolicy_WhenOldRuleAbsent_ReturnsFalseAndKeepsRevision()
    {
        var enforcer = Enforcer.FromText(Models.Acl, Policy);
        var before = enforcer.Revision;

        Assert.False(enforcer.UpdatePolicy(["nobody", "data2", "write"], ["bob", "data9", "read"]));

        Assert.Equal(before, enforcer.Revision);
        Assert.False(enforcer.Allows("bob", "data9", "read"));
    }

    [Fact]
    public void RemoveFilteredPolicy_WhenEmptyValue_TreatsItAsWildcard()
    {
        var enforcer = Enforcer.FromText(Models.Acl, Policy);
        var before = enforcer.Revision;

        Assert.True(enforcer.RemoveFilteredPolicy(0, string.Empty, "data1"));

        Assert.Equal(before + 1, enforcer.Revision);
        Assert.Equal([["bob", "data2", "write"]], enforcer.GetPolicy());
        Assert.False(enforcer.Allows("alice", "data1", "read"));
        Assert.False(enforcer.Allows("carol", "data1", "read"));
    }

    [Fact]
    public void RemoveFilteredPolicy_WhenFieldIndexOffset_MatchesFromThatField()
    {
        var enforcer = Enforcer.FromText(Models.Acl, Policy);

        Assert.True(enforcer.RemoveFilteredPolicy(2, "write"));

        Assert.Equal(2, enforcer.GetPolicy().Count);
        Assert.False(enforcer.HasPolicy("bob", "data2", "write"));
        Assert.True(enforcer.Allows("alice", "data1", "read"));
    }

    [Fact]
    public void RemoveFilteredPolicy_WhenNothingMatches_ReturnsFalseAndKeepsRevision()
    {
        var enforcer = Enforcer.FromText(Models.Acl, Policy);
        var before = enforcer.Revision;

        Assert.False(enforcer.RemoveFilteredPolicy(1, "data9"));

        Assert.Equal(before, enforcer.Revision);
        Assert.Equal(3, enforcer.GetPolicy().Count);
    }

    [Fact]
    public void GetFilteredPolicy_WhenOffsetAndWildcard_ReturnsMatchesInOrder()
    {
        var enforcer = Enforcer.FromText(Models.Acl, Policy);

        var byObject = enforcer.GetFilteredPolicy(1, "data1");
        var byAction = enforcer.GetFilteredPolicy(0, string.Empty, string.Empty, "read");

        Assert.Equal([["alice", "data1", "read"], ["carol", "data1", "read"]], byObject);
        Assert.Equal(byObject, byAction);
        Assert.Empty(enforcer.GetFilteredPolicy(0, "alice", "data2"));
    }

    [Fact]
    public void GetPolicy_WhenLoaded_ReturnsRulesInFileOrder()
    {
        var enforcer = Enforcer.FromText(Models.Acl, Policy);

        Assert.Equal([["alice", "data1", "read"], ["bob", "data2", "write"], ["carol", "data1", "read"]], enforcer.GetPolicy());
        Assert.True(enforcer.HasPolicy("carol", "data1", "read"));
        Assert.False(enforcer.HasPolicy("carol", "data1"));
    }

    [Fact]
    public void Revision_WhenSequenceOfChanges_IncrementsOncePerSuccessfulChange()
    {
        var enforcer = Enforcer.FromText(Models.Acl, Policy);
        var start = enforcer.Revision;

        Assert.True(enforcer.AddPolicy("x", "y", "z"));
        Assert.False(enforcer.AddPolicy("x", "y", "z"));
        Assert.True(enforcer.RemovePolicy("x", "y", "z"));
        Assert.False(enforcer.RemovePolicy("x", "y", "z"));
        Assert.True(enforcer.UpdatePolicy(["alice", "data1", "read"], ["alice", "data1", "write"]));
        Assert.False(enforcer.UpdatePolicy(["alice", "data1", "read"], ["alice", "data1", "write"]));
        enforcer.LoadPolicy(Policy);

        Assert.Equal(start + 4, enforcer.Revision);
    }

    [Fact]
    public void RemoveFilteredPolicy_WhenFieldIndexNegative_ThrowsArgumentOutOfRangeAndKeepsRevision()
    {
        var enforcer = Enforcer.FromText(Models.Acl, Policy);
        var before = enforcer.Revision;

        Assert.Throws<ArgumentOutOfRangeException>(() => enforcer.RemoveFilteredPolicy(-1, "alice"));
        Assert.Throws<ArgumentOutOfRangeException>(() => enforcer.GetFilteredPolicy(-1, "alice"));

        Assert.Equal(before, enforcer.Revision);
        Assert.Equal(3, enforcer.GetPolicy().Count);
    }

    [Fact]
    public void GetFilteredPolicy_WhenValuesRunPastLastField_MatchesNothing()
    {
        var enforcer = Enforcer.FromText(Models.Acl, Policy);

        Assert.Empty(enforcer.GetFilteredPolicy(2, "read", "extra"));
        Assert.Equal(2, enforcer.GetFilteredPolicy(2, "read", string.Empty).Count);
    }
}
