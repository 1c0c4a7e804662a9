namespace GovAuthZ.Policy.Functions;

/// <summary>
/// One element of a parsed key-match pattern. Unmanaged and small so that a whole pattern fits in a
/// stack-allocated span; parameter names are kept as offsets into the pattern string, never copied.
/// </summary>
internal readonly struct PathToken
{
    private PathToken(PathTokenKind kind, char literal, int nameStart, int nameLength)
    {
        Kind = kind;
        Literal = literal;
        NameStart = nameStart;
        NameLength = nameLength;
    }

    public PathTokenKind Kind { get; }

    /// <summary>The character of a <see cref="PathTokenKind.Literal"/> or <see cref="PathTokenKind.LiteralRun"/>.</summary>
    public char Literal { get; }

    /// <summary>For <see cref="PathTokenKind.ParamFirst"/>: where the parameter's name starts in the pattern.</summary>
    public int NameStart { get; }

    /// <summary>For <see cref="PathTokenKind.ParamFirst"/>: the length of the parameter's name.</summary>
    public int NameLength { get; }

    /// <summary>True for the kinds that match zero or more characters.</summary>
    public bool Repeats => Kind >= PathTokenKind.LiteralRun;

    public static PathToken Char(char literal) => new(PathTokenKind.Literal, literal, 0, 0);

    public static PathToken AnyRun() => new(PathTokenKind.AnyRun, '\0', 0, 0);

    public static PathToken ParamFirst(int nameStart, int nameLength) =>
        new(PathTokenKind.ParamFirst, '\0', nameStart, nameLength);

    public static PathToken ParamRest(bool lazy) =>
        new(lazy ? PathTokenKind.ParamRestLazy : PathTokenKind.ParamRest, '\0', 0, 0);

    public PathToken ToRun() => new(PathTokenKind.LiteralRun, Literal, 0, 0);

    /// <summary>Whether this element may consume <paramref name="c"/>.</summary>
    public bool Accepts(char c) => Kind switch
    {
        PathTokenKind.Literal or PathTokenKind.LiteralRun => c == Literal,
        PathTokenKind.AnyRun => c != '\n',
        _ => c != '/',
    };
}
