using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using GovAuthZ.Core.Errors;

namespace GovAuthZ.Policy.Parsing;

/// <summary>
/// Collects sections and assignments while <see cref="ModelParser"/> walks the lines, and owns the checks
/// that need what came before: duplicate keys, values continued across lines, required sections.
/// </summary>
internal sealed class ModelDocumentBuilder
{
    private readonly string _fileName;
    private readonly List<SectionBuilder> _sections = [];
    private readonly StringBuilder _value = new();
    private readonly List<ValueSegment> _segments = [];
    private SectionBuilder? _current;
    private string? _pendingKey;
    private SourceLocation _pendingKeyLocation;
    private SourceLocation _pendingEqualsLocation;

    public ModelDocumentBuilder(string fileName)
    {
        _fileName = fileName;
    }

    public bool HasSection => _current is not null;

    public bool HasPending => _pendingKey is not null;

    public GovAuthZException Error(ErrorCode code, string detail, int line, int column) =>
        new(code, detail, new SourceLocation(_fileName, line, column));

    /// <summary>Opens a section; a header seen before reopens that section, so its keys stay unique.</summary>
    public void OpenSection(string name, int line, int column)
    {
        foreach (var section in _sections)
        {
            if (string.Equals(section.Name, name, StringComparison.Ordinal))
            {
                _current = section;
                return;
            }
        }

        _current = new SectionBuilder(name, new SourceLocation(_fileName, line, column));
        _sections.Add(_current);
    }

    public void StartPending(string key, int line, int keyColumn, int equalsColumn)
    {
        var section = _current!;
        if (section.Keys.TryGetValue(key, out var first))
        {
            var detail = string.Create(
                CultureInfo.InvariantCulture,
                $"duplicate key '{key}' in [{section.Name}]; first defined at line {first.KeyLocation.Line}");
            throw Error(ErrorCode.ModelDuplicateKey, detail, line, keyColumn);
        }

        _pendingKey = key;
        _pendingKeyLocation = new SourceLocation(_fileName, line, keyColumn);
        _pendingEqualsLocation = new SourceLocation(_fileName, line, equalsColumn);
        _value.Clear();
        _segments.Clear();
    }

    /// <summary>
    /// Appends one physical line's part of the pending value (already trimmed at the start). A trailing
    /// backslash continues the value on the next line; Casbin joins the parts with one space.
    /// </summary>
    public void ContinuePending(ReadOnlySpan<char> part, int line, int column)
    {
        var text = part.TrimEnd();
        var continues = text.Length > 0 && text[^1] == '\\';
        if (continues)
        {
            text = text[..^1].TrimEnd();
        }

        if (text.Length > 0)
        {
            _segments.Add(new ValueSegment(_value.Length, line, column));
            _value.Append(text);
            if (continues)
            {
                _value.Append(' ');
            }
        }

        if (!continues)
        {
            FinishPending();
        }
    }

    public void FinishPending()
    {
        var key = _pendingKey!;
        _pendingKey = null;
        var value = _value.ToString().TrimEnd();
        if (value.Length == 0)
        {
            var after = _pendingEqualsLocation with { Column = _pendingEqualsLocation.Column + 1 };
            throw new GovAuthZException(ErrorCode.ModelSyntax, $"key '{key}' has an empty value", after);
        }

        var assignment = new ModelAssignment(_current!.Name, key, value, _pendingKeyLocation, [.. _segments]);
        _current.Keys.Add(key, assignment);
        _current.Assignments.Add(assignment);
    }

    public ModelDocument Build()
    {
        if (HasPending)
        {
            FinishPending();
        }

        foreach (var required in ModelSections.Required)
        {
            CheckPresent(required);
        }

        var sections = ImmutableArray.CreateBuilder<ModelSection>(_sections.Count);
        foreach (var section in _sections)
        {
            sections.Add(new ModelSection(section.Name, section.Location, [.. section.Assignments]));
        }

        return new ModelDocument(_fileName, sections.MoveToImmutable());
    }

    private void CheckPresent(string name)
    {
        foreach (var section in _sections)
        {
            if (string.Equals(section.Name, name, StringComparison.Ordinal))
            {
                if (section.Assignments.Count == 0)
                {
                    throw new GovAuthZException(
                        ErrorCode.ModelMissingSection, $"section [{name}] has no definitions", section.Location);
                }

                return;
            }
        }

        throw new GovAuthZException(
            ErrorCode.ModelMissingSection,
            $"missing required section [{name}]",
            new SourceLocation(_fileName, 0, 0));
    }

    private sealed class SectionBuilder(string name, SourceLocation location)
    {
        public string Name { get; } = name;

        public SourceLocation Location { get; } = location;

        public List<ModelAssignment> Assignments { get; } = [];

        public Dictionary<string, ModelAssignment> Keys { get; } = new(StringComparer.Ordinal);
    }
}
