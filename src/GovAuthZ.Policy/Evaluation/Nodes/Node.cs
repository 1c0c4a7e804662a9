namespace GovAuthZ.Policy.Evaluation.Nodes;

/// <summary>
/// A compiled matcher expression. Nodes are immutable and shared by every thread evaluating a snapshot;
/// evaluation allocates nothing except where an operator must build a new string (concatenation).
/// </summary>
internal abstract class Node
{
    protected Node(string text)
    {
        Text = text;
    }

    /// <summary>The source text of this node, for explanations and error messages.</summary>
    public string Text { get; }

    public abstract Value Evaluate(ref EvalFrame frame);

    /// <summary>Evaluates a node that must yield a boolean; anything else is a type error (fail closed).</summary>
    public virtual bool EvaluateBool(ref EvalFrame frame)
    {
        var value = Evaluate(ref frame);
        if (value.TryGetBool(out var result))
        {
            return result;
        }

        throw EvaluationErrors.TypeMismatch(Text, value, "a boolean");
    }

    /// <summary>Evaluates a node that must yield a string, as function arguments mostly must.</summary>
    public string EvaluateString(ref EvalFrame frame, string role)
    {
        var value = Evaluate(ref frame);
        return value.AsString() ?? throw EvaluationErrors.TypeMismatch($"{role} '{Text}'", value, "a string");
    }

    public override string ToString() => Text;
}
