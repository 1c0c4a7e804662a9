namespace GovAuthZ.Policy.Tests.Enforcement;

/// <summary>Explain names the deciding rule with its location, or says why nothing allowed, or which error denied.</summary>
public sealed class ExplainTests
{
    private const string Policy = """
        p, admin, data1, write, allow
        p, reader, data1, read, allow
        p, bob, data1, read, deny
        g, alice, admin
        g, bob, reader
        """;

    [Fact]
    public void Explain_WhenRuleAllows_NamesTypeFieldsAndFileLine()
    {
        var enforcer = Enforcer.FromText(Models.AllowAndDeny, Policy);

        var explanation = enforcer.Explain(Models.Request("alice", "data1", "write"));

        Assert.True(explanation.Allowed);
        Assert.Null(explanation.ErrorCode);
        var rule = Assert.IsType<MatchedRule>(explanation.Rule);
        Assert.Equal("p", rule.Type);
        Assert.Equal(["admin", "data1", "write", "allow"], rule.Fields);
        Assert.Equal("policy.csv", rule.Location.File);
        Assert.Equal(1, rule.Location.Line);
        Assert.Contains("policy.csv:1", explanation.Reason, StringComparison.Ordinal);
        Assert.Equal(enforcer.Revision, explanation.Revision);
    }

    [Fact]
    public void Explain_WhenNoRuleMatches_SaysNoRuleAllows()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, "p, admin, data1, write\ng, alice, admin\n");

        var explanation = enforcer.Explain(Models.Request("alice", "data1", "read"));

        Assert.False(explanation.Allowed);
        Assert.Null(explanation.Rule);
        Assert.Null(explanation.ErrorCode);
        Assert.Contains("no rule allows", explanation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_WhenDenyRuleOverridesAllow_NamesTheDenyRule()
    {
        var enforcer = Enforcer.FromText(Models.AllowAndDeny, Policy);

        var explanation = enforcer.Explain(Models.Request("bob", "data1", "read"));

        Assert.False(explanation.Allowed);
        var rule = Assert.IsType<MatchedRule>(explanation.Rule);
        Assert.Equal(["bob", "data1", "read", "deny"], rule.Fields);
        Assert.Equal(3, rule.Location.Line);
        Assert.StartsWith("denied by rule 'p, bob, data1, read, deny' at policy.csv:3", explanation.Reason, StringComparison.Ordinal);
        Assert.Equal("allow-and-deny", explanation.Effect);
    }

    [Fact]
    public void Explain_WhenDenyOverrideEffectAndDenyMatches_NamesDenyRule()
    {
        var enforcer = Enforcer.FromText(Models.DenyOverride, Policy);

        var denied = enforcer.Explain(Models.Request("bob", "data1", "read"));
        var allowed = enforcer.Explain(Models.Request("alice", "data1", "write"));

        Assert.False(denied.Allowed);
        Assert.Equal("deny-override", denied.Effect);
        Assert.Equal(3, denied.Rule!.Location.Line);
        Assert.Contains("denied by rule", denied.Reason, StringComparison.Ordinal);
        Assert.True(allowed.Allowed);
        Assert.Null(allowed.Rule);
        Assert.Equal("allowed: no deny rule matched", allowed.Reason);
    }

    [Fact]
    public void Explain_WhenRuleAddedThroughApi_ReportsPolicyFileWithoutLine()
    {
        var enforcer = Enforcer.FromText(Models.Acl, string.Empty, policyFile: "rules.csv");
        enforcer.AddPolicy("alice", "data1", "read");

        var explanation = enforcer.Explain(Models.Request("alice", "data1", "read"));

        Assert.True(explanation.Allowed);
        Assert.Equal("rules.csv", explanation.Rule!.Location.File);
        Assert.Equal(0, explanation.Rule.Location.Line);
    }

    [Fact]
    public void Explain_WhenRequestArityWrong_ReportsGaz1405AndDenies()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, "p, admin, data1, write\ng, alice, admin\n");

        var explanation = enforcer.Explain(Models.Request("alice", "data1"));

        Assert.False(explanation.Allowed);
        Assert.Equal("GAZ1405", explanation.ErrorCode);
        Assert.StartsWith("GAZ14", explanation.ErrorCode, StringComparison.Ordinal);
        Assert.Contains("evaluation failed", explanation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_WhenAttributeMissing_ReportsEvaluationCodeAndDenies()
    {
        const string model = """
            [request_definition]
            r = sub, obj

            [policy_definition]
            p = obj

            [policy_effect]
            e = some(where (p.eft == allow))

            [matchers]
            m = r.sub.level >= 2 && r.obj == p.obj
            """;
        var enforcer = Enforcer.FromText(model, "p, data1\n");

        var explanation = enforcer.Explain(Models.Request("alice", "data1"));

        Assert.False(explanation.Allowed);
        Assert.NotNull(explanation.ErrorCode);
        Assert.StartsWith("GAZ14", explanation.ErrorCode, StringComparison.Ordinal);
    }
}
