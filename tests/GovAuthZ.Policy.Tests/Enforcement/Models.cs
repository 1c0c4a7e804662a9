using GovAuthZ.Policy.Evaluation;
using GovAuthZ.Tests.Shared.Models;

namespace GovAuthZ.Policy.Tests.Enforcement;

/// <summary>Model texts and helpers shared by the enforcer API tests.</summary>
internal static class Models
{
    public const string Acl = SampleModels.Acl;

    public const string Rbac = SampleModels.Rbac;

    public const string RbacWithDomains = SampleModels.RbacWithDomains;

    /// <summary>Two policy types and two role types: p/g for users on data, p2/g2 for apps on scopes.</summary>
    public const string Named = """
        [request_definition]
        r = sub, obj, act
        r2 = app, scope

        [policy_definition]
        p = sub, obj, act
        p2 = app, scope

        [role_definition]
        g = _, _
        g2 = _, _

        [policy_effect]
        e = some(where (p.eft == allow))
        e2 = some(where (p.eft == allow))

        [matchers]
        m = g(r.sub, p.sub) && r.obj == p.obj && r.act == p.act
        m2 = g2(r2.app, p2.app) && r2.scope == p2.scope
        """;

    /// <summary>Allow and deny rules with an explicit eft column; any deny wins.</summary>
    public const string DenyOverride = """
        [request_definition]
        r = sub, obj, act

        [policy_definition]
        p = sub, obj, act, eft

        [role_definition]
        g = _, _

        [policy_effect]
        e = !some(where (p.eft == deny))

        [matchers]
        m = g(r.sub, p.sub) && r.obj == p.obj && r.act == p.act
        """;

    /// <summary>Allow rules with an eft column and allow-and-deny, so a rule may leave its eft out.</summary>
    public const string AllowAndDeny = """
        [request_definition]
        r = sub, obj, act

        [policy_definition]
        p = sub, obj, act, eft

        [role_definition]
        g = _, _

        [policy_effect]
        e = some(where (p.eft == allow)) && !some(where (p.eft == deny))

        [matchers]
        m = g(r.sub, p.sub) && r.obj == p.obj && r.act == p.act
        """;

    public static Value[] Request(params string[] values)
    {
        var request = new Value[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            request[i] = Value.FromString(values[i]);
        }

        return request;
    }

    public static bool Allows(this Enforcer enforcer, params string[] request) => enforcer.Enforce(Request(request));
}
