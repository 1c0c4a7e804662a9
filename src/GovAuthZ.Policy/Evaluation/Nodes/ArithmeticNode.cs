using GovAuthZ.Policy.Parsing.Expressions;

namespace GovAuthZ.Policy.Evaluation.Nodes;

/// <summary>
/// <c>+ - * / %</c> over numbers; <c>+</c> also joins two strings. Division by zero is an error rather
/// than an infinity that a later comparison might accept.
/// </summary>
internal sealed class ArithmeticNode(BinaryOperator op, Node left, Node right, string text) : Node(text)
{
    private readonly BinaryOperator _op = op;
    private readonly Node _left = left;
    private readonly Node _right = right;

    public override Value Evaluate(ref EvalFrame frame)
    {
        var left = _left.Evaluate(ref frame);
        var right = _right.Evaluate(ref frame);
        if (_op == BinaryOperator.Add && left.AsString() is { } x && right.AsString() is { } y)
        {
            return Value.FromString(string.Concat(x, y));
        }

        if (!left.TryGetNumber(out var a))
        {
            throw EvaluationErrors.TypeMismatch($"left operand of '{Text}'", left, "a number");
        }

        if (!right.TryGetNumber(out var b))
        {
            throw EvaluationErrors.TypeMismatch($"right operand of '{Text}'", right, "a number");
        }

        if (b == 0 && _op is BinaryOperator.Divide or BinaryOperator.Modulo)
        {
            throw new Core.Errors.GovAuthZException(Core.Errors.ErrorCode.EvalBadArgument, $"division by zero in '{Text}'");
        }

        return Value.FromNumber(_op switch
        {
            BinaryOperator.Add => a + b,
            BinaryOperator.Subtract => a - b,
            BinaryOperator.Multiply => a * b,
            BinaryOperator.Divide => a / b,
            _ => a % b,
        });
    }
}

internal sealed class NegateNode(Node operand, string text) : Node(text)
{
    private readonly Node _operand = operand;

    public override Value Evaluate(ref EvalFrame frame)
    {
        var value = _operand.Evaluate(ref frame);
        return value.TryGetNumber(out var number)
            ? Value.FromNumber(-number)
            : throw EvaluationErrors.TypeMismatch($"operand of '{Text}'", value, "a number");
    }
}
