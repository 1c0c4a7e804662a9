using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Evaluation.Nodes;
using GovAuthZ.Policy.Parsing.Expressions;

namespace GovAuthZ.Policy.Compilation;

/// <summary>
/// Binds a parsed matcher to request slots, policy columns, role definitions and functions, producing the
/// node tree evaluated on the decision path. Every name is resolved here, so evaluation never looks
/// anything up by string.
/// </summary>
internal sealed class MatcherCompiler
{
    private readonly MatcherScope _scope;
    private readonly bool _allowEval;
    private readonly List<EvalRuleNode> _evalNodes = [];
    private bool _usesPolicy;

    private MatcherCompiler(MatcherScope scope, bool allowEval)
    {
        _scope = scope;
        _allowEval = allowEval;
    }

    /// <summary>Parses and binds a matcher expression.</summary>
    public static CompiledMatcher Compile(string text, MatcherScope scope) => Compile(text, scope, allowEval: true);

    /// <summary>Compiles the expression held in a policy rule for <c>eval()</c>; nested eval is refused.</summary>
    public static CompiledMatcher CompileRuleExpression(string text, MatcherScope scope) => Compile(text, scope, allowEval: false);

    private static CompiledMatcher Compile(string text, MatcherScope scope, bool allowEval)
    {
        var syntax = ExpressionParser.Parse(text, scope.Locate);
        var compiler = new MatcherCompiler(scope, allowEval);
        var root = compiler.Bind(syntax);
        return new CompiledMatcher(root, compiler._evalNodes, compiler._usesPolicy);
    }

    private Node Bind(SyntaxNode syntax) => syntax switch
    {
        LiteralSyntax literal => new ConstantNode(literal.Value, SyntaxPrinter.Print(literal)),
        PathSyntax path => BindPath(path),
        UnarySyntax unary => BindUnary(unary),
        BinarySyntax binary => BindBinary(binary),
        InSyntax membership => BindIn(membership),
        CallSyntax call => BindCall(call),
        _ => throw Error(ErrorCode.MatcherSyntax, "unsupported expression", syntax.Offset),
    };

    private Node BindPath(PathSyntax path)
    {
        var text = path.FullName;
        if (path.Members.Count == 0)
        {
            throw Error(ErrorCode.MatcherUnknownToken, $"unknown name '{text}'; use {_scope.RequestKey}.<token> or {_scope.PolicyKey}.<token>", path.Offset);
        }

        var token = path.Members[0];
        Node target;
        if (path.Root == _scope.RequestKey)
        {
            var slot = IndexOf(_scope.RequestTokens, token);
            if (slot < 0)
            {
                throw Error(ErrorCode.MatcherUnknownToken, $"'{path.Root}.{token}' is not in the request definition ({Describe(_scope.RequestKey, _scope.RequestTokens)})", path.Offset);
            }

            target = new RequestNode(slot, path.Root + "." + token);
        }
        else if (path.Root == _scope.PolicyKey)
        {
            var field = IndexOf(_scope.PolicyTokens, token);
            if (field < 0)
            {
                throw Error(ErrorCode.MatcherUnknownToken, $"'{path.Root}.{token}' is not in the policy definition ({Describe(_scope.PolicyKey, _scope.PolicyTokens)})", path.Offset);
            }

            _usesPolicy = true;
            target = new PolicyFieldNode(field, path.Root + "." + token);
        }
        else
        {
            throw Error(ErrorCode.MatcherUnknownToken, $"unknown name '{text}'; this matcher reads {_scope.RequestKey} and {_scope.PolicyKey}", path.Offset);
        }

        return path.Members.Count == 1 ? target : new AttributeNode(target, [.. path.Members.Skip(1)], text);
    }

    private Node BindUnary(UnarySyntax unary)
    {
        var operand = Bind(unary.Operand);
        var text = SyntaxPrinter.Print(unary);
        return unary.Operator == UnaryOperator.Not ? new NotNode(operand, text) : new NegateNode(operand, text);
    }

    private Node BindBinary(BinarySyntax binary)
    {
        var left = Bind(binary.Left);
        var right = Bind(binary.Right);
        var text = SyntaxPrinter.Print(binary);
        return binary.Operator switch
        {
            BinaryOperator.And => new AndNode(left, right, text),
            BinaryOperator.Or => new OrNode(left, right, text),
            BinaryOperator.Equal => new EqualityNode(left, right, negate: false, text),
            BinaryOperator.NotEqual => new EqualityNode(left, right, negate: true, text),
            BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual
                => new ComparisonNode(binary.Operator, left, right, text),
            _ => new ArithmeticNode(binary.Operator, left, right, text),
        };
    }

    private InNode BindIn(InSyntax membership)
    {
        var items = new Node[membership.Items.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Bind(membership.Items[i]);
        }

        return new InNode(Bind(membership.Left), items, SyntaxPrinter.Print(membership));
    }

    private Node BindCall(CallSyntax call)
    {
        if (_scope.Roles.TryGetValue(call.Name, out var role))
        {
            return BindRole(call, role);
        }

        if (call.Name == "eval")
        {
            return BindEval(call);
        }

        if (!_scope.Functions.TryGet(call.Name, out var function))
        {
            throw Error(ErrorCode.MatcherUnknownFunction, $"unknown function '{call.Name}'", call.Offset);
        }

        var arity = call.Arguments.Count;
        if (!function.Accepts(arity))
        {
            throw Error(ErrorCode.MatcherArity, $"'{call.Name}' takes {function.DescribeArities()} arguments, not {arity}", call.Offset);
        }

        var args = new Node[arity];
        for (var i = 0; i < arity; i++)
        {
            args[i] = Bind(call.Arguments[i]);
        }

        var text = SyntaxPrinter.Print(call);
        return arity switch
        {
            1 when function.One is not null => new Call1Node(function.One, args[0], text),
            2 when function.Two is not null => new Call2Node(function.Two, args[0], args[1], text),
            3 when function.Three is not null => new Call3Node(function.Three, args[0], args[1], args[2], text),
            _ => new CallManyNode(function.Many!, args, text),
        };
    }

    private RoleNode BindRole(CallSyntax call, RoleBinding role)
    {
        var count = call.Arguments.Count;
        var expected = role.Arity;
        if (count != expected)
        {
            throw Error(ErrorCode.MatcherArity, $"'{call.Name}' is defined with {expected} fields and takes {expected} arguments, not {count}", call.Offset);
        }

        var domain = count == 3 ? Bind(call.Arguments[2]) : null;
        return new RoleNode(call.Name, role.Links, Bind(call.Arguments[0]), Bind(call.Arguments[1]), domain, SyntaxPrinter.Print(call));
    }

    private EvalRuleNode BindEval(CallSyntax call)
    {
        if (!_allowEval)
        {
            throw Error(ErrorCode.MatcherSyntax, "eval() cannot be used inside an expression that eval() runs", call.Offset);
        }

        if (call.Arguments.Count != 1 || Bind(call.Arguments[0]) is not PolicyFieldNode field)
        {
            throw Error(ErrorCode.MatcherArity, $"eval() takes one policy field such as {_scope.PolicyKey}.rule", call.Offset);
        }

        var node = new EvalRuleNode(field.Field, SyntaxPrinter.Print(call));
        _evalNodes.Add(node);
        return node;
    }

    private static int IndexOf(IReadOnlyList<string> tokens, string token)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i] == token)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Describe(string key, IReadOnlyList<string> tokens) => $"{key} = {string.Join(", ", tokens)}";

    private GovAuthZException Error(ErrorCode code, string detail, int offset) =>
        new(code, detail, _scope.Locate(offset));
}
