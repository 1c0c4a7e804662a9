namespace GovAuthZ.Policy.Evaluation;

/// <summary>
/// What one matcher evaluation reads: the request values and the policy rule under test. A ref struct
/// so that it lives on the stack and the request span can point at the caller's memory.
/// </summary>
internal ref struct EvalFrame
{
    public EvalFrame(ReadOnlySpan<Value> request)
    {
        Request = request;
        Rule = [];
        RuleIndex = -1;
    }

    public ReadOnlySpan<Value> Request;

    /// <summary>The fields of the policy rule being tested (without its type).</summary>
    public string[] Rule;

    /// <summary>Position of <see cref="Rule"/> in its rule set, used to find per-rule compiled expressions.</summary>
    public int RuleIndex;
}
