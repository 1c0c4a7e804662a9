using GovAuthZ.Core.Errors;

namespace GovAuthZ.Policy.Tests.Enforcement;

/// <summary>A change that fails validation throws a coded error and publishes nothing: the old snapshot serves on.</summary>
public sealed class InvalidChangeTests
{
    private const string Policy = """
        p, admin, data1, write
        p, reader, data1, read
        g, alice, admin
        g, admin, reader
        """;

    [Fact]
    public void AddPolicy_WhenTooFewFields_ThrowsFieldCountAndKeepsSnapshot()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, Policy);
        var before = enforcer.Revision;

        var error = Assert.Throws<GovAuthZException>(() => enforcer.AddPolicy("bob", "data1"));

        Assert.Equal(ErrorCode.PolicyFieldCount, error.Code);
        AssertUnchanged(enforcer, before);
    }

    [Fact]
    public void AddPolicy_WhenTooManyFields_ThrowsFieldCountAndKeepsSnapshot()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, Policy);
        var before = enforcer.Revision;

        var error = Assert.Throws<GovAuthZException>(() => enforcer.AddPolicy("bob", "data1", "read", "extra"));

        Assert.Equal(ErrorCode.PolicyFieldCount, error.Code);
        AssertUnchanged(enforcer, before);
    }

    [Fact]
    public void AddNamedPolicies_WhenOneRuleInvalid_AddsNoneOfThem()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, Policy);
        var before = enforcer.Revision;

        var error = Assert.Throws<GovAuthZException>(() => enforcer.AddNamedPolicies("p", [["bob", "data2", "read"], ["bob"]]));

        Assert.Equal(ErrorCode.PolicyFieldCount, error.Code);
        AssertUnchanged(enforcer, before);
        Assert.False(enforcer.HasPolicy("bob", "data2", "read"));
    }

    [Fact]
    public void AddGroupingPolicy_WhenWrongFieldCount_ThrowsFieldCountAndKeepsSnapshot()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, Policy);
        var before = enforcer.Revision;

        var error = Assert.Throws<GovAuthZException>(() => enforcer.AddGroupingPolicy("bob", "admin", "domain1"));

        Assert.Equal(ErrorCode.PolicyFieldCount, error.Code);
        AssertUnchanged(enforcer, before);
        Assert.False(enforcer.Allows("bob", "data1", "write"));
    }

    [Fact]
    public void AddNamedPolicy_WhenTypeUndefined_ThrowsUnknownTypeAndKeepsSnapshot()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, Policy);
        var before = enforcer.Revision;

        var error = Assert.Throws<GovAuthZException>(() => enforcer.AddNamedPolicy("p3", "bob", "data1", "read"));

        Assert.Equal(ErrorCode.ManagementUnknownType, error.Code);
        Assert.Contains("p3", error.Message, StringComparison.Ordinal);
        AssertUnchanged(enforcer, before);
    }

    [Fact]
    public void AddGroupingPolicy_WhenLinkClosesCycle_ThrowsRoleCycleAndKeepsSnapshot()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, Policy);
        var before = enforcer.Revision;

        var error = Assert.Throws<GovAuthZException>(() => enforcer.AddGroupingPolicy("reader", "alice"));

        Assert.Equal(ErrorCode.RoleCycle, error.Code);
        AssertUnchanged(enforcer, before);
        Assert.False(enforcer.HasGroupingPolicy("reader", "alice"));
        Assert.Equal(["admin", "reader"], enforcer.GetImplicitRolesForUser("alice"));
    }

    [Fact]
    public void UpdatePolicy_WhenNewRuleHasWrongFieldCount_ThrowsAndKeepsOldRule()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, Policy);
        var before = enforcer.Revision;

        var error = Assert.Throws<GovAuthZException>(() => enforcer.UpdatePolicy(["admin", "data1", "write"], ["admin", "data1"]));

        Assert.Equal(ErrorCode.PolicyFieldCount, error.Code);
        AssertUnchanged(enforcer, before);
        Assert.True(enforcer.HasPolicy("admin", "data1", "write"));
    }

    [Fact]
    public void LoadPolicy_WhenCsvIsMalformed_ThrowsSyntaxAndOldRulesServe()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, Policy);
        var before = enforcer.Revision;

        var error = Assert.Throws<GovAuthZException>(() => enforcer.LoadPolicy("p, bob, data1, read\np, \"unterminated, data2, read\n"));

        Assert.Equal(ErrorCode.PolicySyntax, error.Code);
        AssertUnchanged(enforcer, before);
        Assert.False(enforcer.Allows("bob", "data1", "read"));
    }

    [Fact]
    public void LoadPolicy_WhenLineHasWrongFieldCount_ThrowsWithLineAndOldRulesServe()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, Policy);
        var before = enforcer.Revision;

        var error = Assert.Throws<GovAuthZException>(() => enforcer.LoadPolicy("p, bob, data1, read\np, bob, data2\n"));

        Assert.Equal(ErrorCode.PolicyFieldCount, error.Code);
        Assert.Equal(2, error.Location.Line);
        Assert.Equal("policy.csv", error.Location.File);
        AssertUnchanged(enforcer, before);
    }

    [Fact]
    public void LoadPolicy_WhenUndefinedType_ThrowsUnknownTypeAndOldRulesServe()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, Policy);
        var before = enforcer.Revision;

        var error = Assert.Throws<GovAuthZException>(() => enforcer.LoadPolicy("p, bob, data1, read\ng9, bob, admin\n"));

        Assert.Equal(ErrorCode.PolicyUnknownType, error.Code);
        AssertUnchanged(enforcer, before);
    }

    private static void AssertUnchanged(Enforcer enforcer, long revision)
    {
        Assert.Equal(revision, enforcer.Revision);
        Assert.Equal(2, enforcer.GetPolicy().Count);
        Assert.Equal(2, enforcer.GetGroupingPolicy().Count);
        Assert.True(enforcer.Allows("alice", "data1", "write"));
        Assert.True(enforcer.Allows("alice", "data1", "read"));
        Assert.False(enforcer.Allows("bob", "data1", "read"));
    }
}
