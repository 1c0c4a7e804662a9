namespace GovAuthZ.Policy.Functions;

/// <summary>
/// The kinds of element a key-match pattern is reduced to. Members from <see cref="LiteralRun"/> on repeat
/// zero or more times; the others consume exactly one character. A named parameter becomes a
/// <see cref="ParamFirst"/> followed by a <see cref="ParamRest"/> (or <see cref="ParamRestLazy"/>), which
/// is the regular expression <c>[^/]+</c> split so that every element is either "one" or "a run".
/// </summary>
internal enum PathTokenKind : byte
{
    /// <summary>Exactly the character <see cref="PathToken.Literal"/>.</summary>
    Literal,

    /// <summary>The first character of a parameter value: any character except '/'.</summary>
    ParamFirst,

    /// <summary>Zero or more of <see cref="PathToken.Literal"/> (a '*' after a literal character).</summary>
    LiteralRun,

    /// <summary>The rest of a parameter value, greedy: zero or more characters except '/'.</summary>
    ParamRest,

    /// <summary>The rest of a parameter value, lazy (keyGet3 captures the shortest value that fits).</summary>
    ParamRestLazy,

    /// <summary>What "/*" stands for after its '/': zero or more characters except a line feed.</summary>
    AnyRun,
}
