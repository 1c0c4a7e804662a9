using GovAuthZ.Policy.Evaluation.Nodes;

namespace GovAuthZ.Policy.Compilation;

/// <summary>A matcher bound to its scope: the root node plus what the snapshot builder must still fill in.</summary>
internal sealed class CompiledMatcher(Node root, IReadOnlyList<EvalRuleNode> evalNodes, bool usesPolicy)
{
    public Node Root { get; } = root;

    /// <summary>The <c>eval(p.x)</c> calls, whose per-rule expressions are compiled with the rules.</summary>
    public IReadOnlyList<EvalRuleNode> EvalNodes { get; } = evalNodes;

    /// <summary>Whether the matcher reads any policy field; if not it is evaluated once, not per rule.</summary>
    public bool UsesPolicy { get; } = usesPolicy;
}
