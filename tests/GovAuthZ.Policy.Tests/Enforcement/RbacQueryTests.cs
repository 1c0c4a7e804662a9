namespace GovAuthZ.Policy.Tests.Enforcement;

/// <summary>The RBAC API: direct and implicit roles, users and permissions, deleting users and roles.</summary>
public sealed class RbacQueryTests
{
    private const string Policy = """
        p, alice, data0, read
        p, admin, data1, write
        p, reader, data1, read
        p, auditor, logs, read
        g, alice, admin
        g, admin, reader
        g, bob, reader
        g, carol, auditor
        """;

    private const string DomainPolicy = """
        p, admin, tenant1, data1, write
        p, reader, tenant1, data1, read
        p, admin, tenant2, data2, write
        g, alice, admin, tenant1
        g, admin, reader, tenant1
        g, alice, reader, tenant2
        g, bob, admin, tenant2
        """;

    [Fact]
    public void GetRolesForUser_WhenHierarchy_ReturnsDirectRolesOnly()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, Policy);

        Assert.Equal(["admin"], enforcer.GetRolesForUser("alice"));
        Assert.Equal(["reader"], enforcer.GetRolesForUser("admin"));
        Assert.Empty(enforcer.GetRolesForUser("nobody"));
    }

    [Fact]
    public void GetUsersForRole_WhenHierarchy_ReturnsDirectMembersInOrder()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, Policy);

        Assert.Equal(["admin", "bob"], enforcer.GetUsersForRole("reader"));
        Assert.Equal(["alice"], enforcer.GetUsersForRole("admin"));
        Assert.Empty(enforcer.GetUsersForRole("alice"));
    }

    [Fact]
    public void GetImplicitRolesForUser_WhenHierarchy_ReturnsNearestFirst()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, Policy);

        Assert.Equal(["admin", "reader"], enforcer.GetImplicitRolesForUser("alice"));
        Assert.Equal(["reader"], enforcer.GetImplicitRolesForUser("bob"));
    }

    [Fact]
    public void GetImplicitUsersForRole_WhenHierarchy_IncludesIndirectMembers()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, Policy);

        var users = enforcer.GetImplicitUsersForRole("reader");

        Assert.Equal(3, users.Count);
        Assert.Contains("alice", users);
        Assert.Contains("admin", users);
        Assert.Contains("bob", users);
    }

    [Fact]
    public void HasRoleForUser_WhenRoleIsOnlyIndirect_ReturnsFalse()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, Policy);

        Assert.True(enforcer.HasRoleForUser("alice", "admin"));
        Assert.False(enforcer.HasRoleForUser("alice", "reader"));
        Assert.False(enforcer.HasRoleForUser("bob", "admin"));
    }

    [Fact]
    public void GetImplicitPermissionsForUser_WhenNoDomain_CollectsOwnAndInheritedRules()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, Policy);

        var permissions = enforcer.GetImplicitPermissionsForUser("alice");

        Assert.Equal([["alice", "data0", "read"], ["admin", "data1", "write"], ["reader", "data1", "read"]], permissions);
        Assert.Equal([["reader", "data1", "read"]], enforcer.GetImplicitPermissionsForUser("bob"));
    }

    [Fact]
    public void GetImplicitPermissionsForUser_WhenDomain_KeepsOnlyThatDomain()
    {
        var enforcer = Enforcer.FromText(Models.RbacWithDomains, DomainPolicy);

        var tenant1 = enforcer.GetImplicitPermissionsForUser("alice", "tenant1");
        var tenant2 = enforcer.GetImplicitPermissionsForUser("alice", "tenant2");

        Assert.Equal([["admin", "tenant1", "data1", "write"], ["reader", "tenant1", "data1", "read"]], tenant1);
        Assert.Empty(tenant2);
        Assert.Equal([["admin", "tenant2", "data2", "write"]], enforcer.GetImplicitPermissionsForUser("bob", "tenant2"));
    }

    [Fact]
    public void GetRolesForUser_WhenDomain_AnswersPerDomain()
    {
        var enforcer = Enforcer.FromText(Models.RbacWithDomains, DomainPolicy);

        Assert.Equal(["admin"], enforcer.GetRolesForUser("alice", "tenant1"));
        Assert.Equal(["reader"], enforcer.GetRolesForUser("alice", "tenant2"));
        Assert.Equal(["admin", "reader"], enforcer.GetImplicitRolesForUser("alice", "tenant1"));
        Assert.Equal(["alice"], enforcer.GetUsersForRole("admin", "tenant1"));
        Assert.True(enforcer.HasRoleForUser("bob", "admin", "tenant2"));
        Assert.False(enforcer.HasRoleForUser("bob", "admin", "tenant1"));
    }

    [Fact]
    public void DeleteUser_WhenUserHasLinksAndRules_RemovesThemInOneRevision()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, Policy);
        var before = enforcer.Revision;

        Assert.True(enforcer.DeleteUser("alice"));

        Assert.Equal(before + 1, enforcer.Revision);
        Assert.False(enforcer.Allows("alice", "data0", "read"));
        Assert.False(enforcer.Allows("alice", "data1", "write"));
        Assert.Empty(enforcer.GetRolesForUser("alice"));
        Assert.True(enforcer.HasGroupingPolicy("admin", "reader"));
        Assert.False(enforcer.DeleteUser("alice"));
        Assert.Equal(before + 1, enforcer.Revision);
    }

    [Fact]
    public void DeleteRole_WhenRoleInMiddleOfHierarchy_RemovesLinksAndRulesInOneRevision()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, Policy);
        var before = enforcer.Revision;

        Assert.True(enforcer.DeleteRole("admin"));

        Assert.Equal(before + 1, enforcer.Revision);
        Assert.False(enforcer.HasPolicy("admin", "data1", "write"));
        Assert.Empty(enforcer.GetRolesForUser("alice"));
        Assert.DoesNotContain("admin", enforcer.GetUsersForRole("reader"));
        Assert.False(enforcer.Allows("alice", "data1", "read"));
        Assert.True(enforcer.Allows("bob", "data1", "read"));
        Assert.True(enforcer.Allows("alice", "data0", "read"));
    }

    [Fact]
    public void GetRoleWarnings_WhenChainDeeperThanMaxRoleDepth_NamesTheSubject()
    {
        var options = new EnforcerOptions { MaxRoleDepth = 2 };
        var enforcer = Enforcer.FromText(Models.Rbac, "p, r3, data, read\ng, u, r1\ng, r1, r2\ng, r2, r3\n", options);

        var warnings = enforcer.GetRoleWarnings();

        Assert.Contains(warnings, warning => warning.StartsWith("g: ", StringComparison.Ordinal) && warning.Contains("'u'", StringComparison.Ordinal));
        Assert.False(enforcer.Allows("u", "data", "read"));
        Assert.True(enforcer.Allows("r1", "data", "read"));
    }

    [Fact]
    public void GetRoleWarnings_WhenWithinMaxRoleDepth_IsEmpty()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, Policy);

        Assert.Empty(enforcer.GetRoleWarnings());
    }
}
