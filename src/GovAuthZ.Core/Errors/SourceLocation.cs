using System.Globalization;

namespace GovAuthZ.Core.Errors;

/// <summary>
/// Where in a source text something was found: file (may be empty for in-memory text), 1-based line and
/// 1-based column. A zero line or column means "not known".
/// </summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation None => new(string.Empty, 0, 0);

    public SourceLocation WithFile(string file) => this with { File = file };

    public override string ToString()
    {
        var file = File.Length == 0 ? "<text>" : File;
        if (Line == 0)
        {
            return file;
        }

        return Column == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{file}:{Line}")
            : string.Create(CultureInfo.InvariantCulture, $"{file}:{Line}:{Column}");
    }
}
