using System.Globalization;
using System.Text;
using GovAuthZ.Core.Errors;

namespace GovAuthZ.Policy.Parsing.Expressions;

/// <summary>
/// Splits a matcher expression into tokens. Identifiers may contain dots so that <c>r.sub.level</c>
/// arrives as one path; the parser splits it. Runs at load time only.
/// </summary>
internal sealed class Lexer
{
    private readonly string _text;
    private readonly Func<int, SourceLocation> _locate;
    private int _position;

    public Lexer(string text, Func<int, SourceLocation> locate)
    {
        _text = text;
        _locate = locate;
    }

    public List<Token> Tokenize()
    {
        var tokens = new List<Token>();
        while (true)
        {
            SkipWhitespace();
            if (_position >= _text.Length)
            {
                tokens.Add(new Token(TokenKind.End, string.Empty, _position));
                return tokens;
            }

            tokens.Add(Next());
        }
    }

    /// <summary>Location of an offset in the expression, relative to where the expression sits in its file.</summary>
    public static SourceLocation Locate(SourceLocation origin, int offset) =>
        origin.Line == 0 ? origin : origin with { Column = Math.Max(origin.Column, 1) + offset };

    private void SkipWhitespace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private Token Next()
    {
        var c = _text[_position];
        if (char.IsLetter(c) || c == '_')
        {
            return ReadIdentifier();
        }

        if (char.IsDigit(c))
        {
            return ReadNumber();
        }

        if (c == '"' || c == '\'')
        {
            return ReadString(c);
        }

        return ReadOperator(c);
    }

    private Token ReadIdentifier()
    {
        var start = _position;
        while (_position < _text.Length && IsIdentifierPart(_text[_position]))
        {
            _position++;
        }

        var text = _text[start.._position];
        if (text.EndsWith('.') || text.Contains("..", StringComparison.Ordinal))
        {
            throw Error($"malformed name '{text}'", start);
        }

        return text switch
        {
            "in" => new Token(TokenKind.In, text, start),
            "true" => new Token(TokenKind.True, text, start),
            "false" => new Token(TokenKind.False, text, start),
            _ => new Token(TokenKind.Identifier, text, start),
        };
    }

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '.';

    private Token ReadNumber()
    {
        var start = _position;
        while (_position < _text.Length && (char.IsDigit(_text[_position]) || _text[_position] == '.'))
        {
            _position++;
        }

        var text = _text[start.._position];
        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            throw Error($"malformed number '{text}'", start);
        }

        return new Token(TokenKind.Number, text, start, number);
    }

    private Token ReadString(char quote)
    {
        var start = _position++;
        var builder = new StringBuilder();
        while (_position < _text.Length)
        {
            var c = _text[_position++];
            if (c == quote)
            {
                return new Token(TokenKind.String, builder.ToString(), start);
            }

            if (c == '\\' && _position < _text.Length)
            {
                builder.Append(Unescape(_text[_position++]));
                continue;
            }

            builder.Append(c);
        }

        throw Error("unterminated string literal", start);
    }

    private static char Unescape(char c) => c switch
    {
        'n' => '\n',
        't' => '\t',
        'r' => '\r',
        _ => c,
    };

    private Token ReadOperator(char c)
    {
        var start = _position;
        var next = _position + 1 < _text.Length ? _text[_position + 1] : '\0';
        (TokenKind kind, int length) = (c, next) switch
        {
            ('&', '&') => (TokenKind.And, 2),
            ('|', '|') => (TokenKind.Or, 2),
            ('=', '=') => (TokenKind.Equal, 2),
            ('!', '=') => (TokenKind.NotEqual, 2),
            ('<', '=') => (TokenKind.LessOrEqual, 2),
            ('>', '=') => (TokenKind.GreaterOrEqual, 2),
            ('<', _) => (TokenKind.Less, 1),
            ('>', _) => (TokenKind.Greater, 1),
            ('!', _) => (TokenKind.Not, 1),
            ('(', _) => (TokenKind.LeftParen, 1),
            (')', _) => (TokenKind.RightParen, 1),
            (',', _) => (TokenKind.Comma, 1),
            ('+', _) => (TokenKind.Plus, 1),
            ('-', _) => (TokenKind.Minus, 1),
            ('*', _) => (TokenKind.Star, 1),
            ('/', _) => (TokenKind.Slash, 1),
            ('%', _) => (TokenKind.Percent, 1),
            _ => throw Error($"unexpected character '{c}'", start),
        };
        _position += length;
        return new Token(kind, _text.Substring(start, length), start);
    }

    private GovAuthZException Error(string detail, int offset) =>
        new(ErrorCode.MatcherSyntax, $"{detail} at offset {offset} of matcher '{_text}'", _locate(offset));
}
