using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Parsing.Expressions;

namespace GovAuthZ.Policy.Tests.Parsing.Expressions;

public sealed class ExpressionParserTests
{
    [Theory]
    [InlineData("r.sub == p.sub && r.obj == p.obj", "r.sub == p.sub && r.obj == p.obj")]
    [InlineData("a.b || c.d && e.f", "a.b || c.d && e.f")]
    [InlineData("(a.b || c.d) && e.f", "(a.b || c.d) && e.f")]
    [InlineData("1 + 2 * 3 > 6", "1 + 2 * 3 > 6")]
    [InlineData("(1 + 2) * 3", "(1 + 2) * 3")]
    [InlineData("!g(r.sub, p.sub)", "!g(r.sub, p.sub)")]
    [InlineData("r.obj in ('a', \"b\")", "r.obj in ('a', 'b')")]
    [InlineData("r.sub.level >= 3", "r.sub.level >= 3")]
    [InlineData("keyMatch2(r.obj, p.obj)", "keyMatch2(r.obj, p.obj)")]
    public void Parse_WhenExpressionIsValid_PrintsCanonicalForm(string text, string expected)
    {
        var node = ExpressionParser.Parse(text, SourceLocation.None);

        Assert.Equal(expected, SyntaxPrinter.Print(node));
    }

    [Fact]
    public void Parse_WhenOperatorsMix_BindsAndTighterThanOr()
    {
        var node = ExpressionParser.Parse("a.x || b.x && c.x", SourceLocation.None);

        var or = Assert.IsType<BinarySyntax>(node);
        Assert.Equal(BinaryOperator.Or, or.Operator);
        Assert.Equal(BinaryOperator.And, Assert.IsType<BinarySyntax>(or.Right).Operator);
    }

    [Fact]
    public void Parse_WhenStringHasEscapes_Unescapes()
    {
        var node = ExpressionParser.Parse("'it\\'s'", SourceLocation.None);

        Assert.Equal("it's", Assert.IsType<LiteralSyntax>(node).Value.AsString());
    }

    [Theory]
    [InlineData("r.sub ==", "ends too early")]
    [InlineData("r.sub == 'x", "unterminated string")]
    [InlineData("(r.sub == p.sub", "expected ')'")]
    [InlineData("r.sub = p.sub", "unexpected character '='")]
    [InlineData("r.sub in 'a'", "parenthesised list")]
    [InlineData("r.sub p.sub", "unexpected 'p.sub'")]
    [InlineData("", "empty expression")]
    [InlineData("r..sub", "malformed name")]
    [InlineData("r.sub # x", "unexpected character '#'")]
    public void Parse_WhenExpressionIsMalformed_ThrowsSyntaxErrorSayingWhat(string text, string expected)
    {
        var error = Assert.Throws<GovAuthZException>(() => ExpressionParser.Parse(text, SourceLocation.None));

        Assert.Equal(ErrorCode.MatcherSyntax, error.Code);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenOriginIsKnown_ReportsColumnInsideTheFile()
    {
        var origin = new SourceLocation("model.conf", 12, 5);

        var error = Assert.Throws<GovAuthZException>(() => ExpressionParser.Parse("r.sub == $", origin));

        Assert.Equal(new SourceLocation("model.conf", 12, 14), error.Location);
    }
}
