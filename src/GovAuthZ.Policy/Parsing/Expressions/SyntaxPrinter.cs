using System.Text;
using GovAuthZ.Policy.Evaluation;

namespace GovAuthZ.Policy.Parsing.Expressions;

/// <summary>Renders a syntax tree back to canonical matcher text, for explanations and error messages.</summary>
internal static class SyntaxPrinter
{
    public static string Print(SyntaxNode node)
    {
        var builder = new StringBuilder();
        Append(builder, node, 0);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, SyntaxNode node, int parentPrecedence)
    {
        switch (node)
        {
            case LiteralSyntax literal:
                AppendLiteral(builder, literal.Value);
                break;
            case PathSyntax path:
                builder.Append(path.FullName);
                break;
            case UnarySyntax unary:
                builder.Append(unary.Operator == UnaryOperator.Not ? "!" : "-");
                Append(builder, unary.Operand, 7);
                break;
            case BinarySyntax binary:
                AppendBinary(builder, binary, parentPrecedence);
                break;
            case InSyntax membership:
                Append(builder, membership.Left, 4);
                builder.Append(" in (");
                AppendList(builder, membership.Items);
                builder.Append(')');
                break;
            case CallSyntax call:
                builder.Append(call.Name).Append('(');
                AppendList(builder, call.Arguments);
                builder.Append(')');
                break;
        }
    }

    private static void AppendBinary(StringBuilder builder, BinarySyntax binary, int parentPrecedence)
    {
        var precedence = Precedence(binary.Operator);
        var parenthesise = precedence < parentPrecedence;
        if (parenthesise)
        {
            builder.Append('(');
        }

        Append(builder, binary.Left, precedence);
        builder.Append(' ').Append(Symbol(binary.Operator)).Append(' ');
        Append(builder, binary.Right, precedence + 1);
        if (parenthesise)
        {
            builder.Append(')');
        }
    }

    private static void AppendList(StringBuilder builder, IReadOnlyList<SyntaxNode> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            Append(builder, items[i], 0);
        }
    }

    private static void AppendLiteral(StringBuilder builder, Value value)
    {
        if (value.AsString() is { } text)
        {
            builder.Append('\'').Append(text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append('\'');
            return;
        }

        builder.Append(value.ToString());
    }

    private static int Precedence(BinaryOperator op) => op switch
    {
        BinaryOperator.Or => 1,
        BinaryOperator.And => 2,
        BinaryOperator.Add or BinaryOperator.Subtract => 5,
        BinaryOperator.Multiply or BinaryOperator.Divide or BinaryOperator.Modulo => 6,
        _ => 4,
    };

    private static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Or => "||",
        BinaryOperator.And => "&&",
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        _ => "%",
    };
}
