using System.Collections.Immutable;
using GovAuthZ.Core.Errors;

namespace GovAuthZ.Policy.Parsing;

/// <summary>
/// One <c>key = value</c> line of a model file. A value continued over several physical lines (trailing
/// backslash) is joined with single spaces; <see cref="LocationAt"/> maps an offset in the joined value back
/// to the physical line and column, so later parsers (the matcher expression) can point at the exact spot.
/// </summary>
internal sealed class ModelAssignment
{
    private readonly ImmutableArray<ValueSegment> _segments;

    public ModelAssignment(
        string section,
        string key,
        string value,
        SourceLocation keyLocation,
        ImmutableArray<ValueSegment> segments)
    {
        ArgumentException.ThrowIfNullOrEmpty(section);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        if (segments.IsDefaultOrEmpty)
        {
            throw new ArgumentException("a value needs at least one source segment", nameof(segments));
        }

        Section = section;
        Key = key;
        Value = value;
        KeyLocation = keyLocation;
        _segments = segments;
    }

    public string Section { get; }

    public string Key { get; }

    /// <summary>The value, trimmed, with continuation lines joined by single spaces.</summary>
    public string Value { get; }

    public SourceLocation KeyLocation { get; }

    /// <summary>Where the value's first character is.</summary>
    public SourceLocation Location => LocationAt(0);

    /// <summary>The source location of the character at <paramref name="offset"/> in <see cref="Value"/>.</summary>
    public SourceLocation LocationAt(int offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var segment = _segments[0];
        for (var i = 1; i < _segments.Length && _segments[i].Offset <= offset; i++)
        {
            segment = _segments[i];
        }

        return new SourceLocation(KeyLocation.File, segment.Line, segment.Column + (offset - segment.Offset));
    }
}

/// <summary>A run of a joined value that came from one physical line: where it starts in the value and in the file.</summary>
internal readonly record struct ValueSegment(int Offset, int Line, int Column);
