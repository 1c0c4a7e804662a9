namespace GovAuthZ.Policy.Evaluation.Nodes;

/// <summary>A policy token such as <c>p.obj</c>, bound to its column in the rule.</summary>
internal sealed class PolicyFieldNode(int field, string text) : Node(text)
{
    public int Field { get; } = field;

    public override Value Evaluate(ref EvalFrame frame) => Value.FromString(frame.Rule[Field]);
}
