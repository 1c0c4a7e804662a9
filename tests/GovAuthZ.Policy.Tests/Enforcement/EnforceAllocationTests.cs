using GovAuthZ.Policy.Evaluation;

namespace GovAuthZ.Policy.Tests.Enforcement;

/// <summary>The decision path allocates nothing once warm, including role closure lookups.</summary>
public sealed class EnforceAllocationTests
{
    private const int Calls = 1_000;
    private const string Policy = """
        p, admin, data1, write
        p, reader, data1, read
        p, reader, data2, read
        g, alice, admin
        g, admin, reader
        g, bob, reader
        """;

    private const string DomainPolicy = """
        p, admin, tenant1, data1, write
        p, reader, tenant1, data1, read
        g, alice, admin, tenant1
        g, admin, reader, tenant1
        """;

    [Fact]
    public void Enforce_WhenWarmPlainRbacWithRoleClosure_AllocatesNothing()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, Policy);
        Value[] allowed = Models.Request("alice", "data2", "read");
        Value[] denied = Models.Request("bob", "data1", "write");

        var bytes = Measure(enforcer, allowed, denied);

        Assert.Equal(0, bytes);
    }

    [Fact]
    public void Enforce_WhenWarmAndSubjectUnknownToRoleGraph_AllocatesNothing()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, Policy);
        Value[] allowed = Models.Request("bob", "data2", "read");
        Value[] denied = Models.Request("mallory", "data2", "read");

        var bytes = Measure(enforcer, allowed, denied);

        Assert.Equal(0, bytes);
    }

    [Fact]
    public void Enforce_WhenWarmRbacWithDomains_AllocatesNothing()
    {
        var enforcer = Enforcer.FromText(Models.RbacWithDomains, DomainPolicy);
        Value[] allowed = Models.Request("alice", "tenant1", "data1", "read");
        Value[] denied = Models.Request("alice", "tenant2", "data1", "read");

        var bytes = Measure(enforcer, allowed, denied);

        Assert.Equal(0, bytes);
    }

    private static long Measure(Enforcer enforcer, Value[] allowed, Value[] denied)
    {
        for (var i = 0; i < 100; i++)
        {
            Assert.True(enforcer.Enforce(allowed));
            Assert.False(enforcer.Enforce(denied));
        }

        var hits = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls / 2; i++)
        {
            hits += enforcer.Enforce(allowed) ? 1 : 0;
            hits += enforcer.Enforce(denied) ? 1 : 0;
        }

        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(Calls / 2, hits);
        return bytes;
    }
}
