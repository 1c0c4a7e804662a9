namespace GovAuthZ.Policy.Parsing.Expressions;

/// <summary>The lexical classes of the matcher language (Casbin's govaluate-style expressions).</summary>
internal enum TokenKind
{
    End,
    Identifier,
    String,
    Number,
    True,
    False,
    LeftParen,
    RightParen,
    Comma,
    Not,
    And,
    Or,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    In,
}
