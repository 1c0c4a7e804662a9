namespace GovAuthZ.Policy.Evaluation.Nodes;

/// <summary>
/// ABAC attribute access such as <c>r.sub.level</c> or <c>r.obj.owner.region</c>. A missing attribute is an
/// error (deny with a reason), never a silent null that a comparison could turn into an allow.
/// </summary>
internal sealed class AttributeNode(Node target, string[] members, string text) : Node(text)
{
    private readonly Node _target = target;
    private readonly string[] _members = members;

    public override Value Evaluate(ref EvalFrame frame)
    {
        var current = _target.Evaluate(ref frame);
        var path = _target.Text;
        for (var i = 0; i < _members.Length; i++)
        {
            var obj = current.AsObject() ?? throw EvaluationErrors.NotAnObject(path, current);
            if (!obj.TryGetAttribute(_members[i], out current))
            {
                throw EvaluationErrors.MissingAttribute(path, _members[i]);
            }

            path = i == 0 ? _target.Text + "." + _members[0] : Text;
        }

        return current;
    }
}
