namespace GovAuthZ.Policy.Evaluation.Nodes;

/// <summary>
/// Calls of registered functions, one class per arity so that arguments are passed in registers rather
/// than through an array allocated per call.
/// </summary>
internal sealed class Call1Node(Func<Value, Value> function, Node a, string text) : Node(text)
{
    private readonly Func<Value, Value> _function = function;
    private readonly Node _a = a;

    public override Value Evaluate(ref EvalFrame frame) => _function(_a.Evaluate(ref frame));
}

internal sealed class Call2Node(Func<Value, Value, Value> function, Node a, Node b, string text) : Node(text)
{
    private readonly Func<Value, Value, Value> _function = function;
    private readonly Node _a = a;
    private readonly Node _b = b;

    public override Value Evaluate(ref EvalFrame frame) => _function(_a.Evaluate(ref frame), _b.Evaluate(ref frame));
}

internal sealed class Call3Node(Func<Value, Value, Value, Value> function, Node a, Node b, Node c, string text) : Node(text)
{
    private readonly Func<Value, Value, Value, Value> _function = function;
    private readonly Node _a = a;
    private readonly Node _b = b;
    private readonly Node _c = c;

    public override Value Evaluate(ref EvalFrame frame) =>
        _function(_a.Evaluate(ref frame), _b.Evaluate(ref frame), _c.Evaluate(ref frame));
}

/// <summary>Any other arity: allocates the argument array, acceptable for rarely used user functions.</summary>
internal sealed class CallManyNode(Func<Value[], Value> function, Node[] arguments, string text) : Node(text)
{
    private readonly Func<Value[], Value> _function = function;
    private readonly Node[] _arguments = arguments;

    public override Value Evaluate(ref EvalFrame frame)
    {
        var values = new Value[_arguments.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = _arguments[i].Evaluate(ref frame);
        }

        return _function(values);
    }
}
