using GovAuthZ.Core.Errors;

namespace GovAuthZ.Policy.Parsing;

/// <summary>
/// A hand-written character scanner over a policy file. It reads the text in fixed-size blocks and copies
/// each field into a reusable scratch buffer, so the only allocations per rule are the field array and the
/// strings of field values not seen before in this file. Values repeat heavily in real policies (roles,
/// actions, shared objects), so sharing one string per distinct value keeps a million-rule load well under
/// the memory it would take with one string per field; the table lives only as long as the scanner.
/// Rules (RFC 4180 plus Casbin's habits): fields are separated by ','; whitespace around an unquoted field
/// is trimmed; a quoted field may hold ',', '""' for a quote and line breaks; lines whose first non-space
/// character is '#' are comments; blank lines are skipped; CRLF, LF and a leading BOM are accepted.
/// Not thread-safe: one scanner reads one file.
/// </summary>
internal sealed class PolicyCsvScanner
{
    private const int Eof = -1;
    private const int BlockSize = 16 * 1024;

    private readonly TextReader _reader;
    private readonly string _fileName;
    private readonly char[] _block = new char[BlockSize];
    private readonly List<string> _fields = new(8);
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _stringsBySpan;
    private char[] _scratch = new char[256];
    private int _scratchLength;
    private int _position;
    private int _length;
    private bool _started;
    private int _line = 1;
    private int _column = 1;

    public PolicyCsvScanner(TextReader reader, string fileName)
    {
        _reader = reader;
        _fileName = fileName;
        _stringsBySpan = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool TryRead(out PolicyLine line)
    {
        if (!SkipToRecord())
        {
            line = default;
            return false;
        }

        var location = Here();
        var type = ReadField();
        if (type.Length == 0)
        {
            throw new GovAuthZException(ErrorCode.PolicySyntax, "rule has an empty type", location);
        }

        if (Peek() != PolicyCsvSyntax.Separator)
        {
            throw new GovAuthZException(
                ErrorCode.PolicySyntax, $"rule of type '{type}' has no fields after the type", location);
        }

        _fields.Clear();
        while (Peek() == PolicyCsvSyntax.Separator)
        {
            Advance();
            _fields.Add(ReadField());
        }

        // ReadField stops only at ',', a line break or the end, and the loop consumed every ','.
        if (Peek() != Eof)
        {
            ConsumeLineBreak(keep: false);
        }

        line = new PolicyLine(type, [.. _fields], location);
        return true;
    }

    /// <summary>Skips blank and comment lines; true when positioned on the first character of a rule.</summary>
    private bool SkipToRecord()
    {
        while (true)
        {
            SkipSpaces();
            var c = Peek();
            if (c == Eof)
            {
                return false;
            }

            if (PolicyCsvSyntax.IsLineBreak(c))
            {
                ConsumeLineBreak(keep: false);
            }
            else if (c == PolicyCsvSyntax.Comment)
            {
                while ((c = Peek()) != Eof && !PolicyCsvSyntax.IsLineBreak(c))
                {
                    Advance();
                }
            }
            else
            {
                return true;
            }
        }
    }

    private string ReadField()
    {
        SkipSpaces();
        var length = Peek() == PolicyCsvSyntax.Quote ? ReadQuoted() : ReadUnquoted();
        return FieldString(length);
    }

    /// <summary>Reads up to ',', a line break or the end; returns the length without trailing spaces.</summary>
    private int ReadUnquoted()
    {
        _scratchLength = 0;
        var trimmedLength = 0;
        int c;
        while ((c = Peek()) != Eof && c != PolicyCsvSyntax.Separator && !PolicyCsvSyntax.IsLineBreak(c))
        {
            if (c == PolicyCsvSyntax.Quote)
            {
                throw new GovAuthZException(
                    ErrorCode.PolicySyntax,
                    "unexpected '\"' inside an unquoted field; quote the whole field and double the quote",
                    Here());
            }

            Append((char)c);
            Advance();
            if (!PolicyCsvSyntax.IsSpace((char)c))
            {
                trimmedLength = _scratchLength;
            }
        }

        return trimmedLength;
    }

    private int ReadQuoted()
    {
        var start = Here();
        Advance();
        _scratchLength = 0;
        while (true)
        {
            var c = Peek();
            if (c == Eof)
            {
                throw new GovAuthZException(
                    ErrorCode.PolicySyntax,
                    $"unterminated quoted field starting at line {start.Line}, column {start.Column}",
                    start);
            }

            if (PolicyCsvSyntax.IsLineBreak(c))
            {
                ConsumeLineBreak(keep: true);
                continue;
            }

            Advance();
            if (c == PolicyCsvSyntax.Quote)
            {
                if (Peek() != PolicyCsvSyntax.Quote)
                {
                    break;
                }

                Advance();
            }

            Append((char)c);
        }

        CheckAfterClosingQuote();
        return _scratchLength;
    }

    private void CheckAfterClosingQuote()
    {
        SkipSpaces();
        var c = Peek();
        if (c != Eof && c != PolicyCsvSyntax.Separator && !PolicyCsvSyntax.IsLineBreak(c))
        {
            throw new GovAuthZException(
                ErrorCode.PolicySyntax,
                $"unexpected '{(char)c}' after a closing quote; expected ',' or the end of the line",
                Here());
        }
    }

    /// <summary>The scratch text as a string, shared with every earlier field of the same value.</summary>
    private string FieldString(int length)
    {
        if (length == 0)
        {
            return string.Empty;
        }

        var text = _scratch.AsSpan(0, length);
        if (_stringsBySpan.TryGetValue(text, out var known))
        {
            return known;
        }

        var created = new string(text);
        _strings.Add(created, created);
        return created;
    }

    private void SkipSpaces()
    {
        int c;
        while ((c = Peek()) != Eof && PolicyCsvSyntax.IsSpace((char)c))
        {
            Advance();
        }
    }

    private void Append(char c)
    {
        if (_scratchLength == _scratch.Length)
        {
            Array.Resize(ref _scratch, _scratch.Length * 2);
        }

        _scratch[_scratchLength++] = c;
    }

    private int Peek() => _position < _length || Fill() ? _block[_position] : Eof;

    private void Advance()
    {
        _position++;
        _column++;
    }

    /// <summary>Consumes LF, CRLF or a lone CR as one line break; inside quotes the characters are kept.</summary>
    private void ConsumeLineBreak(bool keep)
    {
        var first = _block[_position++];
        if (keep)
        {
            Append(first);
        }

        if (first == '\r' && Peek() == '\n')
        {
            _position++;
            if (keep)
            {
                Append('\n');
            }
        }

        _line++;
        _column = 1;
    }

    private bool Fill()
    {
        _position = 0;
        _length = _reader.Read(_block, 0, _block.Length);
        if (!_started && _length > 0)
        {
            _started = true;
            if (_block[0] == PolicyCsvSyntax.ByteOrderMark)
            {
                _position = 1;
                return _length > 1 || Fill();
            }
        }

        return _length > 0;
    }

    private SourceLocation Here() => new(_fileName, _line, _column);
}
