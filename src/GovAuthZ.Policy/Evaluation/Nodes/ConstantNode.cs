namespace GovAuthZ.Policy.Evaluation.Nodes;

internal sealed class ConstantNode(Value value, string text) : Node(text)
{
    public Value Value { get; } = value;

    public override Value Evaluate(ref EvalFrame frame) => Value;
}
