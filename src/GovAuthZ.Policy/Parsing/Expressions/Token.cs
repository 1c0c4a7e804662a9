namespace GovAuthZ.Policy.Parsing.Expressions;

/// <summary>One token: its kind, its text (unescaped for strings) and its 0-based offset.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Offset, double Number = 0);
