namespace GovAuthZ.Policy.Evaluation.Nodes;

/// <summary>
/// <c>eval(p.rule)</c>: the rule's own expression, compiled once per distinct rule text when the snapshot is
/// built and looked up here by rule position, so nothing is parsed on the decision path.
/// </summary>
internal sealed class EvalRuleNode(int field, string text) : Node(text)
{
    public int Field { get; } = field;

    /// <summary>Per-rule compiled expressions, filled while the snapshot is built and never changed after.</summary>
    public Node[] Compiled { get; set; } = [];

    public override Value Evaluate(ref EvalFrame frame) => Value.FromBool(EvaluateBool(ref frame));

    public override bool EvaluateBool(ref EvalFrame frame)
    {
        var compiled = Compiled;
        if ((uint)frame.RuleIndex >= (uint)compiled.Length)
        {
            throw new Core.Errors.GovAuthZException(
                Core.Errors.ErrorCode.EvalBadArgument, $"'{Text}' can only be used while testing a policy rule");
        }

        return compiled[frame.RuleIndex].EvaluateBool(ref frame);
    }
}
