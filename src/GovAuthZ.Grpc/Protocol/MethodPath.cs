namespace GovAuthZ.Grpc.Protocol;

/// <summary>
/// A <c>:path</c> of the form <c>/package.Service/Method</c>. Holds the path and the position of the
/// separating slash, so parsing allocates nothing; the parts are read as spans.
/// </summary>
internal readonly struct MethodPath
{
    private readonly int _separator;

    private MethodPath(string path, int separator)
    {
        Path = path;
        _separator = separator;
    }

    public string Path { get; }

    /// <summary>The fully qualified service name, e.g. <c>govauthz.decision.v1.DecisionService</c>.</summary>
    public ReadOnlySpan<char> Service => Path.AsSpan(1, _separator - 1);

    public ReadOnlySpan<char> Method => Path.AsSpan(_separator + 1);

    /// <summary>
    /// Accepts exactly one leading '/', a service of dot-separated identifiers, one '/', and a method
    /// identifier. Identifiers are protobuf names (letters, digits, '_'), which also rules out query
    /// strings, empty parts and path tricks such as '..'.
    /// </summary>
    public static bool TryParse(string? path, out MethodPath result)
    {
        result = default;
        if (path is null || path.Length < 4 || path[0] != '/')
        {
            return false;
        }

        var separator = path.IndexOf('/', 1);
        if (separator < 0 || !IsQualifiedName(path.AsSpan(1, separator - 1)) || !IsIdentifier(path.AsSpan(separator + 1)))
        {
            return false;
        }

        result = new MethodPath(path, separator);
        return true;
    }

    private static bool IsQualifiedName(ReadOnlySpan<char> name)
    {
        while (true)
        {
            var dot = name.IndexOf('.');
            if (dot < 0)
            {
                return IsIdentifier(name);
            }

            if (!IsIdentifier(name[..dot]))
            {
                return false;
            }

            name = name[(dot + 1)..];
        }
    }

    private static bool IsIdentifier(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
