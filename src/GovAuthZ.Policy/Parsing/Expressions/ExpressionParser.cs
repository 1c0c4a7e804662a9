using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Evaluation;

namespace GovAuthZ.Policy.Parsing.Expressions;

/// <summary>
/// Recursive-descent parser for matcher expressions. Precedence, loosest first: <c>||</c>, <c>&amp;&amp;</c>,
/// comparisons and <c>in</c>, <c>+ -</c>, <c>* / %</c>, unary <c>! -</c>, then calls, names, literals and
/// parentheses. Binary operators associate to the left.
/// </summary>
internal sealed class ExpressionParser
{
    private readonly string _text;
    private readonly Func<int, SourceLocation> _locate;
    private readonly List<Token> _tokens;
    private int _index;

    private ExpressionParser(string text, Func<int, SourceLocation> locate)
    {
        _text = text;
        _locate = locate;
        _tokens = new Lexer(text, locate).Tokenize();
    }

    public static SyntaxNode Parse(string text, SourceLocation origin) =>
        Parse(text, offset => Lexer.Locate(origin, offset));

    /// <summary>Parses with a function mapping offsets to file locations (continued lines need it).</summary>
    public static SyntaxNode Parse(string text, Func<int, SourceLocation> locate)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(locate);
        var parser = new ExpressionParser(text, locate);
        if (parser.Peek.Kind == TokenKind.End)
        {
            throw parser.Error("empty expression", 0);
        }

        var node = parser.ParseOr();
        if (parser.Peek.Kind != TokenKind.End)
        {
            throw parser.Error($"unexpected '{parser.Peek.Text}'", parser.Peek.Offset);
        }

        return node;
    }

    private Token Peek => _tokens[_index];

    private Token Advance() => _tokens[_index++];

    private SyntaxNode ParseOr()
    {
        var left = ParseAnd();
        while (Peek.Kind == TokenKind.Or)
        {
            var op = Advance();
            left = new BinarySyntax(BinaryOperator.Or, left, ParseAnd(), op.Offset);
        }

        return left;
    }

    private SyntaxNode ParseAnd()
    {
        var left = ParseComparison();
        while (Peek.Kind == TokenKind.And)
        {
            var op = Advance();
            left = new BinarySyntax(BinaryOperator.And, left, ParseComparison(), op.Offset);
        }

        return left;
    }

    private SyntaxNode ParseComparison()
    {
        var left = ParseAdditive();
        while (true)
        {
            var token = Peek;
            if (token.Kind == TokenKind.In)
            {
                Advance();
                left = new InSyntax(left, ParseTuple(), token.Offset);
                continue;
            }

            BinaryOperator? op = token.Kind switch
            {
                TokenKind.Equal => BinaryOperator.Equal,
                TokenKind.NotEqual => BinaryOperator.NotEqual,
                TokenKind.Less => BinaryOperator.Less,
                TokenKind.LessOrEqual => BinaryOperator.LessOrEqual,
                TokenKind.Greater => BinaryOperator.Greater,
                TokenKind.GreaterOrEqual => BinaryOperator.GreaterOrEqual,
                _ => null,
            };
            if (op is null)
            {
                return left;
            }

            Advance();
            left = new BinarySyntax(op.Value, left, ParseAdditive(), token.Offset);
        }
    }

    private SyntaxNode ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Peek.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance();
            var kind = op.Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract;
            left = new BinarySyntax(kind, left, ParseMultiplicative(), op.Offset);
        }

        return left;
    }

    private SyntaxNode ParseMultiplicative()
    {
        var left = ParseUnary();
        while (Peek.Kind is TokenKind.Star or TokenKind.Slash or TokenKind.Percent)
        {
            var op = Advance();
            var kind = op.Kind switch
            {
                TokenKind.Star => BinaryOperator.Multiply,
                TokenKind.Slash => BinaryOperator.Divide,
                _ => BinaryOperator.Modulo,
            };
            left = new BinarySyntax(kind, left, ParseUnary(), op.Offset);
        }

        return left;
    }

    private SyntaxNode ParseUnary()
    {
        var token = Peek;
        if (token.Kind == TokenKind.Not)
        {
            Advance();
            return new UnarySyntax(UnaryOperator.Not, ParseUnary(), token.Offset);
        }

        if (token.Kind == TokenKind.Minus)
        {
            Advance();
            return new UnarySyntax(UnaryOperator.Negate, ParseUnary(), token.Offset);
        }

        return ParsePrimary();
    }

    private SyntaxNode ParsePrimary()
    {
        var token = Advance();
        switch (token.Kind)
        {
            case TokenKind.String:
                return new LiteralSyntax(Value.FromString(token.Text), token.Offset);
            case TokenKind.Number:
                return new LiteralSyntax(Value.FromNumber(token.Number), token.Offset);
            case TokenKind.True:
                return new LiteralSyntax(Value.True, token.Offset);
            case TokenKind.False:
                return new LiteralSyntax(Value.False, token.Offset);
            case TokenKind.LeftParen:
                var inner = ParseOr();
                Expect(TokenKind.RightParen, "')'");
                return inner;
            case TokenKind.Identifier:
                return Peek.Kind == TokenKind.LeftParen ? ParseCall(token) : ToPath(token);
            default:
                throw Error(token.Kind == TokenKind.End ? "expression ends too early" : $"unexpected '{token.Text}'", token.Offset);
        }
    }

    private CallSyntax ParseCall(Token name)
    {
        if (name.Text.Contains('.', StringComparison.Ordinal))
        {
            throw Error($"'{name.Text}' is not a function name", name.Offset);
        }

        Advance();
        var arguments = new List<SyntaxNode>();
        if (Peek.Kind != TokenKind.RightParen)
        {
            arguments.Add(ParseOr());
            while (Peek.Kind == TokenKind.Comma)
            {
                Advance();
                arguments.Add(ParseOr());
            }
        }

        Expect(TokenKind.RightParen, "')' or ','");
        return new CallSyntax(name.Text, arguments.ToArray(), name.Offset);
    }

    private SyntaxNode[] ParseTuple()
    {
        var open = Peek;
        if (open.Kind != TokenKind.LeftParen)
        {
            throw Error("'in' must be followed by a parenthesised list such as ('a', 'b')", open.Offset);
        }

        Advance();
        var items = new List<SyntaxNode>();
        if (Peek.Kind != TokenKind.RightParen)
        {
            items.Add(ParseAdditive());
            while (Peek.Kind == TokenKind.Comma)
            {
                Advance();
                items.Add(ParseAdditive());
            }
        }

        Expect(TokenKind.RightParen, "')' or ','");
        return items.ToArray();
    }

    private static PathSyntax ToPath(Token token)
    {
        var parts = token.Text.Split('.');
        return new PathSyntax(parts[0], parts[1..], token.Offset);
    }

    private void Expect(TokenKind kind, string what)
    {
        var token = Peek;
        if (token.Kind != kind)
        {
            var found = token.Kind == TokenKind.End ? "the end" : $"'{token.Text}'";
            throw Error($"expected {what} but found {found}", token.Offset);
        }

        Advance();
    }

    private GovAuthZException Error(string detail, int offset) =>
        new(ErrorCode.MatcherSyntax, $"{detail} at offset {offset} of matcher '{_text}'", _locate(offset));
}
