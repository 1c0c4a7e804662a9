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
        for (var i = 0; i < _members.Length; i++)
        {
            var obj = current.AsObject() ?? throw EvaluationErrors.NotAnObject(PathBefore(i), current);
            if (!obj.TryGetAttribute(_members[i], out current))
            {
                throw EvaluationErrors.MissingAttribute(PathBefore(i), _members[i]);
            }
        }

        return current;
    }

    // Built only for an error message: this runs per rule and per request, so the success path must not
    // concatenate strings.
    private string PathBefore(int member) => member switch
    {
        0 => _target.Text,
        1 => _target.Text + "." + _members[0],
        _ => Text,
    };
}
