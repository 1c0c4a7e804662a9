using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Compilation;
using GovAuthZ.Policy.Evaluation;
using GovAuthZ.Policy.Functions;

namespace GovAuthZ.Policy.Tests.Compilation;

public sealed class MatcherCompilerTests
{
    private static readonly string[] Tokens = ["sub", "obj", "act"];

    [Theory]
    [InlineData("r.sub == p.sub && r.obj == p.obj && r.act == p.act", true)]
    [InlineData("r.sub == p.sub && r.act == 'write'", false)]
    [InlineData("r.sub != p.sub || r.obj == 'data1'", true)]
    [InlineData("!(r.sub == 'bob')", true)]
    [InlineData("r.act in ('read', 'write')", true)]
    [InlineData("r.act in ('write')", false)]
    [InlineData("1 + 2 * 3 == 7", true)]
    [InlineData("10 % 4 == 2 && 9 / 3 == 3 && 5 - 7 == -2", true)]
    [InlineData("'ab' + 'c' == 'abc'", true)]
    [InlineData("'a' < 'b' && 2 >= 2 && 3 > 2 && 1 <= 0", false)]
    [InlineData("g(r.sub, p.sub)", true)]
    [InlineData("g(r.sub, 'admin')", true)]
    [InlineData("g(r.sub, 'root')", false)]
    [InlineData("true && !false", true)]
    public void Compile_WhenEvaluated_MatchesExpectedResult(string matcher, bool expected)
    {
        var compiled = MatcherCompiler.Compile(matcher, Scope());

        Assert.Equal(expected, Evaluate(compiled, ["alice", "data1", "read"], ["alice", "data1", "read"]));
    }

    [Fact]
    public void Compile_WhenAttributePathUsed_ReadsNestedAttributes()
    {
        var compiled = MatcherCompiler.Compile("r.sub.dept.region == '320100' && r.sub.level <= 3", Scope());
        var dept = new TestAttributes().With("region", "320100");
        var subject = new TestAttributes().With("dept", Value.FromObject(dept)).With("level", Value.FromNumber(3));

        Assert.True(Evaluate(compiled, [Value.FromObject(subject), "data1", "read"], ["x", "y", "z"]));
    }

    [Fact]
    public void Evaluate_WhenAttributeMissing_ThrowsMissingAttribute()
    {
        var compiled = MatcherCompiler.Compile("r.sub.level > 2", Scope());

        var error = Assert.Throws<GovAuthZException>(() =>
            Evaluate(compiled, [Value.FromObject(new TestAttributes()), "o", "a"], ["x", "y", "z"]));

        Assert.Equal(ErrorCode.EvalMissingAttribute, error.Code);
        Assert.Contains("'level'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_WhenNestedAttributeMissing_NamesThePathReadSoFar()
    {
        var compiled = MatcherCompiler.Compile("r.sub.dept.region == '320100'", Scope());
        var subject = new TestAttributes().With("dept", Value.FromObject(new TestAttributes()));

        var error = Assert.Throws<GovAuthZException>(() =>
            Evaluate(compiled, [Value.FromObject(subject), "o", "a"], ["x", "y", "z"]));

        Assert.Equal(ErrorCode.EvalMissingAttribute, error.Code);
        Assert.Contains(": r.sub.dept has no attribute 'region'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_WhenAttributeAccessOnString_ThrowsMissingAttribute()
    {
        var compiled = MatcherCompiler.Compile("r.sub.level > 2", Scope());

        var error = Assert.Throws<GovAuthZException>(() => Evaluate(compiled, ["alice", "o", "a"], ["x", "y", "z"]));

        Assert.Equal(ErrorCode.EvalMissingAttribute, error.Code);
    }

    [Theory]
    [InlineData("r.sub > 3")]
    [InlineData("r.sub + 1 == 2")]
    [InlineData("r.sub")]
    [InlineData("1 / 0 == 1")]
    public void Evaluate_WhenTypesDoNotFit_ThrowsEvaluationError(string matcher)
    {
        var compiled = MatcherCompiler.Compile(matcher, Scope());

        var error = Assert.Throws<GovAuthZException>(() => Evaluate(compiled, ["alice", "o", "a"], ["x", "y", "z"]));

        Assert.True(error.Code is ErrorCode.EvalTypeMismatch or ErrorCode.EvalBadArgument, error.Message);
    }

    [Theory]
    [InlineData("r.who == p.sub", ErrorCode.MatcherUnknownToken)]
    [InlineData("r2.sub == p.sub", ErrorCode.MatcherUnknownToken)]
    [InlineData("sub == p.sub", ErrorCode.MatcherUnknownToken)]
    [InlineData("nope(r.sub)", ErrorCode.MatcherUnknownFunction)]
    [InlineData("g(r.sub)", ErrorCode.MatcherArity)]
    [InlineData("twice(r.sub, r.obj)", ErrorCode.MatcherArity)]
    [InlineData("eval(r.sub)", ErrorCode.MatcherArity)]
    public void Compile_WhenNameIsWrong_ThrowsWithCode(string matcher, ErrorCode code)
    {
        var error = Assert.Throws<GovAuthZException>(() => MatcherCompiler.Compile(matcher, Scope()));

        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void CompileRuleExpression_WhenNestedEval_IsRefused()
    {
        var error = Assert.Throws<GovAuthZException>(() => MatcherCompiler.CompileRuleExpression("eval(p.sub)", Scope()));

        Assert.Equal(ErrorCode.MatcherSyntax, error.Code);
    }

    [Fact]
    public void Compile_WhenMatcherReadsNoPolicyField_ReportsIt()
    {
        Assert.False(MatcherCompiler.Compile("r.sub == 'root'", Scope()).UsesPolicy);
        Assert.True(MatcherCompiler.Compile("r.sub == p.sub", Scope()).UsesPolicy);
    }

    [Fact]
    public void Compile_WhenUserFunctionRegistered_CallsIt()
    {
        var compiled = MatcherCompiler.Compile("twice(r.act) == 'readread'", Scope());

        Assert.True(Evaluate(compiled, ["a", "b", "read"], ["x", "y", "z"]));
    }

    private static MatcherScope Scope()
    {
        var functions = new FunctionRegistry()
            .Register("twice", static v => Value.FromString(v.ToString() + v.ToString()));
        return new MatcherScope
        {
            RequestKey = "r",
            RequestTokens = Tokens,
            PolicyKey = "p",
            PolicyTokens = Tokens,
            Roles = new Dictionary<string, RoleBinding> { ["g"] = new(new FakeRoleLinks().Add("alice", "admin"), 2) },
            Functions = functions,
        };
    }

    private static bool Evaluate(CompiledMatcher compiled, Value[] request, string[] rule)
    {
        var frame = new EvalFrame(request) { Rule = rule, RuleIndex = 0 };
        return compiled.Root.EvaluateBool(ref frame);
    }
}
