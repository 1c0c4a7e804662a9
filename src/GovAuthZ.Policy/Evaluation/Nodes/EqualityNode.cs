namespace GovAuthZ.Policy.Evaluation.Nodes;

/// <summary>
/// <c>==</c> and <c>!=</c>. Values of different kinds are unequal rather than an error, as in other Casbin
/// implementations, so <c>r.sub.level == p.level</c> with a number and a string is simply false.
/// </summary>
internal sealed class EqualityNode(Node left, Node right, bool negate, string text) : Node(text)
{
    public Node Left { get; } = left;

    public Node Right { get; } = right;

    public bool Negate { get; } = negate;

    public override Value Evaluate(ref EvalFrame frame) => Value.FromBool(EvaluateBool(ref frame));

    public override bool EvaluateBool(ref EvalFrame frame)
    {
        var equal = Left.Evaluate(ref frame).Equals(Right.Evaluate(ref frame));
        return equal != Negate;
    }
}
