namespace GovAuthZ.Policy.Evaluation.Nodes;

/// <summary><c>g(a, b)</c> or <c>g(a, b, domain)</c>: a role link test against one role definition.</summary>
internal sealed class RoleNode : Node
{
    // Argument descriptions are built once here, not per call, to keep evaluation allocation-free.
    private readonly string _firstRole;
    private readonly string _secondRole;
    private readonly string _domainRole;

    public RoleNode(string definition, IRoleLinks links, Node name1, Node name2, Node? domain, string text)
        : base(text)
    {
        Definition = definition;
        Links = links;
        Name1 = name1;
        Name2 = name2;
        Domain = domain;
        _firstRole = "first argument of " + definition + "()";
        _secondRole = "second argument of " + definition + "()";
        _domainRole = "domain argument of " + definition + "()";
    }

    public string Definition { get; }

    /// <summary>How errors name the first argument (kept for the rule index's up-front check).</summary>
    public string FirstArgumentRole => _firstRole;

    public string DomainArgumentRole => _domainRole;

    public IRoleLinks Links { get; }

    public Node Name1 { get; }

    public Node Name2 { get; }

    public Node? Domain { get; }

    public override Value Evaluate(ref EvalFrame frame) => Value.FromBool(EvaluateBool(ref frame));

    public override bool EvaluateBool(ref EvalFrame frame)
    {
        var name1 = Name1.EvaluateString(ref frame, _firstRole);
        var name2 = Name2.EvaluateString(ref frame, _secondRole);
        var domain = Domain?.EvaluateString(ref frame, _domainRole);
        return Links.HasLink(name1, name2, domain);
    }
}
