namespace GovAuthZ.Policy.Evaluation.Nodes;

/// <summary>A request token such as <c>r.sub</c>, bound to its position in the request.</summary>
internal sealed class RequestNode(int slot, string text) : Node(text)
{
    public int Slot { get; } = slot;

    public override Value Evaluate(ref EvalFrame frame) => frame.Request[Slot];
}
