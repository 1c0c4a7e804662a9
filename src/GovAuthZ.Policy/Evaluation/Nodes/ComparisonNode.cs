using GovAuthZ.Policy.Parsing.Expressions;

namespace GovAuthZ.Policy.Evaluation.Nodes;

/// <summary>
/// <c>&lt; &lt;= &gt; &gt;=</c> over two numbers or two strings (ordinal). Mixed kinds are a type error:
/// comparing "3" with 3 has no safe answer, so the request is denied with a reason.
/// </summary>
internal sealed class ComparisonNode(BinaryOperator op, Node left, Node right, string text) : Node(text)
{
    private readonly BinaryOperator _op = op;
    private readonly Node _left = left;
    private readonly Node _right = right;

    public override Value Evaluate(ref EvalFrame frame) => Value.FromBool(EvaluateBool(ref frame));

    public override bool EvaluateBool(ref EvalFrame frame)
    {
        var left = _left.Evaluate(ref frame);
        var right = _right.Evaluate(ref frame);
        int order;
        if (left.TryGetNumber(out var a) && right.TryGetNumber(out var b))
        {
            if (double.IsNaN(a) || double.IsNaN(b))
            {
                return false;
            }

            order = a.CompareTo(b);
        }
        else if (left.AsString() is { } x && right.AsString() is { } y)
        {
            order = string.CompareOrdinal(x, y);
        }
        else
        {
            throw EvaluationErrors.TypeMismatch(
                $"'{Text}' compares {EvaluationErrors.Describe(left)} with {EvaluationErrors.Describe(right)}; it",
                right,
                "two numbers or two strings");
        }

        return _op switch
        {
            BinaryOperator.Less => order < 0,
            BinaryOperator.LessOrEqual => order <= 0,
            BinaryOperator.Greater => order > 0,
            _ => order >= 0,
        };
    }
}
