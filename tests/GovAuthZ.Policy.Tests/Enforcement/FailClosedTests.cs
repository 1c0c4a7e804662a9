using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Evaluation;
using GovAuthZ.Policy.Functions;

namespace GovAuthZ.Policy.Tests.Enforcement;

/// <summary>Whatever a request or a function does, Enforce answers: a failure is a deny with a code, never an exception.</summary>
public sealed class FailClosedTests
{
    private const string RegexModel = """
        [request_definition]
        r = sub, obj

        [policy_definition]
        p = sub, obj

        [policy_effect]
        e = some(where (p.eft == allow))

        [matchers]
        m = r.sub == p.sub && regexMatch(r.obj, p.obj)
        """;

    private const string FunctionModel = """
        [request_definition]
        r = sub, obj

        [policy_definition]
        p = sub, obj

        [policy_effect]
        e = some(where (p.eft == allow))

        [matchers]
        m = r.sub == p.sub && explode(r.obj, p.obj)
        """;

    [Fact]
    public void Enforce_WhenCatastrophicRegexAgainstLongNonMatchingInput_DeniesWithoutError()
    {
        var enforcer = Enforcer.FromText(RegexModel, "p, alice, \"(a+)+$\"\n");
        var input = new string('a', 50_000) + "!";

        var outcome = enforcer.Decide(Models.Request("alice", input));

        Assert.False(outcome.Allowed);
        Assert.Null(outcome.Error);
    }

    [Fact]
    public void Enforce_WhenCatastrophicRegexAgainstLongMatchingInput_Allows()
    {
        var enforcer = Enforcer.FromText(RegexModel, "p, alice, \"(a+)+$\"\n");
        var input = "!" + new string('a', 50_000);

        var outcome = enforcer.Decide(Models.Request("alice", input));

        Assert.True(outcome.Allowed);
        Assert.Null(outcome.Error);
    }

    [Fact]
    public void Enforce_WhenUserFunctionThrows_DeniesWithGaz1406()
    {
        var functions = FunctionRegistry.CreateDefault().Register("explode", Explode);
        var enforcer = Enforcer.FromText(FunctionModel, "p, alice, data1\n", new EnforcerOptions { Functions = functions });

        var allowed = enforcer.Enforce(Models.Request("alice", "data1"));
        var outcome = enforcer.Decide(Models.Request("alice", "data1"));
        var explanation = enforcer.Explain(Models.Request("alice", "data1"));

        Assert.False(allowed);
        Assert.False(outcome.Allowed);
        Assert.Equal(ErrorCode.EvalFunctionFailed, outcome.Error!.Code);
        Assert.IsType<InvalidOperationException>(outcome.Error.InnerException);
        Assert.Equal("GAZ1406", explanation.ErrorCode);
    }

    [Fact]
    public void Enforce_WhenUserFunctionThrowsOnlyForOtherRules_StillDecides()
    {
        var functions = FunctionRegistry.CreateDefault().Register("explode", Explode);
        var enforcer = Enforcer.FromText(FunctionModel, "p, alice, data1\n", new EnforcerOptions { Functions = functions });

        // The subject test fails first, so the throwing function is never reached.
        var outcome = enforcer.Decide(Models.Request("bob", "data1"));

        Assert.False(outcome.Allowed);
        Assert.Null(outcome.Error);
    }

    [Fact]
    public void Enforce_WhenRequestHasTooFewValues_DeniesWithGaz1405()
    {
        var enforcer = Enforcer.FromText(Models.Acl, "p, alice, data1, read\n");

        var outcome = enforcer.Decide(Models.Request("alice", "data1"));
        var longer = enforcer.Decide(Models.Request("alice", "data1", "read", "extra"));

        Assert.False(outcome.Allowed);
        Assert.Equal("GAZ1405", outcome.Error!.CodeId);
        Assert.Equal(ErrorCode.EvalRequestArity, longer.Error!.Code);
        Assert.False(enforcer.Enforce(Models.Request("alice", "data1")));
    }

    [Fact]
    public void Enforce_WhenContextNamesUndefinedKeys_DeniesWithCodeInsteadOfThrowing()
    {
        var enforcer = Enforcer.FromText(Models.Acl, "p, alice, data1, read\n");
        var context = new EnforceContext("r9", "p", "e", "m");

        var allowed = enforcer.Enforce(context, Models.Request("alice", "data1", "read"));
        var outcome = enforcer.Decide(context, Models.Request("alice", "data1", "read"));
        var explanation = enforcer.Explain(EnforceContext.WithSuffix("7"), Models.Request("alice", "data1", "read"));

        Assert.False(allowed);
        Assert.Equal(ErrorCode.ModelMissingSection, outcome.Error!.Code);
        Assert.Contains("r9", outcome.Error.Message, StringComparison.Ordinal);
        Assert.False(explanation.Allowed);
        Assert.Equal("GAZ1002", explanation.ErrorCode);
    }

    [Fact]
    public void Enforce_WhenContextNamesUndefinedKeysRepeatedly_KeepsDenying()
    {
        var enforcer = Enforcer.FromText(Models.Acl, "p, alice, data1, read\n");
        var context = new EnforceContext("r", "p", "e", "m5");

        for (var i = 0; i < 3; i++)
        {
            var outcome = enforcer.Decide(context, Models.Request("alice", "data1", "read"));
            Assert.False(outcome.Allowed);
            Assert.Equal(ErrorCode.ModelMissingSection, outcome.Error!.Code);
        }

        Assert.True(enforcer.Allows("alice", "data1", "read"));
    }

    private static Value Explode(Value input, Value pattern) =>
        throw new InvalidOperationException("the function failed on purpose");
}
