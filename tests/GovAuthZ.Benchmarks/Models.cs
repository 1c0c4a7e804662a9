using GovAuthZ.Tests.Shared.Models;

namespace GovAuthZ.Benchmarks;

/// <summary>The Casbin model texts the benchmarks load.</summary>
internal static class Models
{
    public const string Rbac = SampleModels.Rbac;

    public const string RbacWithDomains = SampleModels.RbacWithDomains;

    public const string AbacEval = """
        [request_definition]
        r = sub, obj, act

        [policy_definition]
        p = rule, obj, act

        [policy_effect]
        e = some(where (p.eft == allow))

        [matchers]
        m = r.obj == p.obj && r.act == p.act && eval(p.rule)
        """;

    public const string AbacAttribute = """
        [request_definition]
        r = sub, obj, act

        [policy_definition]
        p = department, obj, act

        [policy_effect]
        e = some(where (p.eft == allow))

        [matchers]
        m = r.obj == p.obj && r.act == p.act && r.sub.department == p.department
        """;

    public const string KeyMatch2 = """
        [request_definition]
        r = sub, obj, act

        [policy_definition]
        p = sub, obj, act

        [policy_effect]
        e = some(where (p.eft == allow))

        [matchers]
        m = r.sub == p.sub && keyMatch2(r.obj, p.obj) && r.act == p.act
        """;

    /// <summary>The classic Casbin RBAC example: alice, bob and the data2_admin role.</summary>
    public const string ClassicRbacPolicy = """
        p, alice, data1, read
        p, bob, data2, write
        p, data2_admin, data2, read
        p, data2_admin, data2, write
        p, data3_admin, data3, read
        p, data3_admin, data3, write
        p, carol, data4, read
        p, dave, data5, write
        g, alice, data2_admin
        g, carol, data3_admin
        """;
}
