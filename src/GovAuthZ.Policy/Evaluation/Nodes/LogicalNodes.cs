namespace GovAuthZ.Policy.Evaluation.Nodes;

internal sealed class AndNode(Node left, Node right, string text) : Node(text)
{
    public Node Left { get; } = left;

    public Node Right { get; } = right;

    public override Value Evaluate(ref EvalFrame frame) => Value.FromBool(EvaluateBool(ref frame));

    public override bool EvaluateBool(ref EvalFrame frame) => Left.EvaluateBool(ref frame) && Right.EvaluateBool(ref frame);
}

internal sealed class OrNode(Node left, Node right, string text) : Node(text)
{
    private readonly Node _left = left;
    private readonly Node _right = right;

    public override Value Evaluate(ref EvalFrame frame) => Value.FromBool(EvaluateBool(ref frame));

    public override bool EvaluateBool(ref EvalFrame frame) => _left.EvaluateBool(ref frame) || _right.EvaluateBool(ref frame);
}

internal sealed class NotNode(Node operand, string text) : Node(text)
{
    private readonly Node _operand = operand;

    public override Value Evaluate(ref EvalFrame frame) => Value.FromBool(EvaluateBool(ref frame));

    public override bool EvaluateBool(ref EvalFrame frame) => !_operand.EvaluateBool(ref frame);
}

/// <summary><c>x in (a, b, c)</c>: true when x equals any item (same kind and content).</summary>
internal sealed class InNode(Node left, Node[] items, string text) : Node(text)
{
    private readonly Node _left = left;
    private readonly Node[] _items = items;

    public override Value Evaluate(ref EvalFrame frame) => Value.FromBool(EvaluateBool(ref frame));

    public override bool EvaluateBool(ref EvalFrame frame)
    {
        var value = _left.Evaluate(ref frame);
        foreach (var item in _items)
        {
            if (value.Equals(item.Evaluate(ref frame)))
            {
                return true;
            }
        }

        return false;
    }
}
