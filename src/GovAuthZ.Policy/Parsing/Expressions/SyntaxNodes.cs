using GovAuthZ.Policy.Evaluation;

namespace GovAuthZ.Policy.Parsing.Expressions;

/// <summary>
/// The parsed form of a matcher expression, before names are bound to request slots, policy fields and
/// functions. Offsets are 0-based positions in the expression text, kept for error messages.
/// </summary>
internal abstract class SyntaxNode(int offset)
{
    public int Offset { get; } = offset;
}

internal sealed class LiteralSyntax(Value value, int offset) : SyntaxNode(offset)
{
    public Value Value { get; } = value;
}

/// <summary>A dotted name such as <c>r.sub.level</c>: the root (<c>r</c>) and what follows it.</summary>
internal sealed class PathSyntax(string root, string[] members, int offset) : SyntaxNode(offset)
{
    public string Root { get; } = root;

    public IReadOnlyList<string> Members { get; } = members;

    public string FullName => Members.Count == 0 ? Root : Root + "." + string.Join('.', Members);
}

internal enum UnaryOperator
{
    Not,
    Negate,
}

internal sealed class UnarySyntax(UnaryOperator op, SyntaxNode operand, int offset) : SyntaxNode(offset)
{
    public UnaryOperator Operator { get; } = op;

    public SyntaxNode Operand { get; } = operand;
}

internal enum BinaryOperator
{
    And,
    Or,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
}

internal sealed class BinarySyntax(BinaryOperator op, SyntaxNode left, SyntaxNode right, int offset) : SyntaxNode(offset)
{
    public BinaryOperator Operator { get; } = op;

    public SyntaxNode Left { get; } = left;

    public SyntaxNode Right { get; } = right;
}

/// <summary><c>left in (a, b, c)</c>: membership in a tuple literal.</summary>
internal sealed class InSyntax(SyntaxNode left, SyntaxNode[] items, int offset) : SyntaxNode(offset)
{
    public SyntaxNode Left { get; } = left;

    public IReadOnlyList<SyntaxNode> Items { get; } = items;
}

internal sealed class CallSyntax(string name, SyntaxNode[] arguments, int offset) : SyntaxNode(offset)
{
    public string Name { get; } = name;

    public IReadOnlyList<SyntaxNode> Arguments { get; } = arguments;
}
