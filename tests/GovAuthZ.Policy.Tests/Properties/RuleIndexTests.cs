using GovAuthZ.Policy.Evaluation;
using GovAuthZ.Policy.Functions;
using GovAuthZ.Policy.Indexing;

namespace GovAuthZ.Policy.Tests.Properties;

public sealed class RuleIndexTests
{
    private const string Model = """
        [request_definition]
        r = sub, obj, act
        [policy_definition]
        p = sub, obj, act
        [role_definition]
        g = _, _
        [policy_effect]
        e = some(where (p.eft == allow))
        [matchers]
        m = 
        """;

    [Fact]
    public void FindFirst_WhenMatcherIsTopLevelOrAndNoRuleMatches_ReturnsMinusOne()
    {
        var enforcer = Build("r.sub == p.sub || r.obj == p.obj", "p, u1, o1, read\np, u2, o2, write\n");

        var found = FindFirst(enforcer, "u3", "o3", "read");

        Assert.True(enforcer.PlanFor(EnforceContext.Default).Index.Plan.IsEmpty);
        Assert.Equal(-1, found);
    }

    [Fact]
    public void FindFirst_WhenMatcherIsTopLevelOrAndLaterRuleMatches_ReturnsThatRule()
    {
        var enforcer = Build("r.sub == p.sub || r.obj == p.obj", "p, u1, o1, read\np, u2, o2, write\n");

        Assert.Equal(1, FindFirst(enforcer, "u3", "o2", "read"));
    }

    [Fact]
    public void FindFirst_WhenSubjectInheritsRoleThroughChain_ReturnsLowestMatchingPosition()
    {
        var policy = "p, u2, o1, read\np, r2, o1, read\np, r1, o1, read\np, u1, o1, read\ng, u1, r1\ng, r1, r2\n";
        var enforcer = Build("g(r.sub, p.sub) && r.obj == p.obj && r.act == p.act", policy);
        var plan = enforcer.PlanFor(EnforceContext.Default).Index.Plan;

        Assert.Equal(0, plan.RoleField);
        Assert.Equal([1, 2], plan.Fields);
        Assert.Equal(1, FindFirst(enforcer, "u1", "o1", "read"));
        Assert.Equal(1, FindFirst(enforcer, "r1", "o1", "read"));
        Assert.Equal(0, FindFirst(enforcer, "u2", "o1", "read"));
        Assert.Equal(-1, FindFirst(enforcer, "u3", "o1", "read"));
        Assert.Equal(-1, FindFirst(enforcer, "u1", "o1", "write"));
    }

    [Fact]
    public void FindFirst_WhenPinnedRequestValueIsNotString_EvaluatesNoRule()
    {
        var calls = 0;
        var functions = FunctionRegistry.CreateDefault().Register("seen", _ =>
        {
            calls++;
            return Value.True;
        });
        var options = new EnforcerOptions { Functions = functions };
        var enforcer = Enforcer.FromText(Model + "seen(p.obj) && r.sub == p.sub", "p, u1, o1, read\np, u2, o2, read\n", options);

        var absent = FindFirst(enforcer, Value.FromString("u9"), "o1", "read");
        var callsForAbsentString = calls;
        var number = FindFirst(enforcer, Value.FromNumber(1), "o1", "read");

        Assert.Equal(-1, absent);
        Assert.Equal(0, callsForAbsentString);
        // A number can equal no policy field, so no rule is relevant and none is evaluated.
        Assert.Equal(-1, number);
        Assert.Equal(0, calls);
    }

    [Fact]
    public void FindFirst_WhenIndexedRoleSubjectIsNotString_ThrowsTypeMismatch()
    {
        var enforcer = Build("g(r.sub, p.sub) && r.obj == p.obj", "p, u1, o1, read\n");

        var error = Assert.Throws<GovAuthZ.Core.Errors.GovAuthZException>(() => FindFirst(enforcer, Value.FromNumber(1), "o1", "read"));

        Assert.Equal(GovAuthZ.Core.Errors.ErrorCode.EvalTypeMismatch, error.Code);
    }

    private static Enforcer Build(string matcher, string policy) =>
        Enforcer.FromText(Model + matcher, policy);

    private static int FindFirst(Enforcer enforcer, params Value[] request)
    {
        var plan = enforcer.PlanFor(EnforceContext.Default);
        var frame = new EvalFrame(request);
        return plan.Index.FindFirst(ref frame, plan.Matcher.Root, plan.Rules, plan.Effects, RuleEffect.Allow);
    }
}
