namespace GovAuthZ.Core.Errors;

/// <summary>
/// A failure with a stable code and, where it came from a source text, its location. The message says
/// what was wrong; <see cref="Exception.Message"/> prefixes the code and location so that a log line or a
/// command-line error is complete on its own.
/// </summary>
public class GovAuthZException : Exception
{
    public GovAuthZException(ErrorCode code, string detail)
        : this(code, detail, SourceLocation.None, null)
    {
    }

    public GovAuthZException(ErrorCode code, string detail, SourceLocation location)
        : this(code, detail, location, null)
    {
    }

    public GovAuthZException(ErrorCode code, string detail, SourceLocation location, Exception? inner)
        : base(Compose(code, detail, location), inner)
    {
        Code = code;
        Detail = detail;
        Location = location;
    }

    public GovAuthZException()
        : this(ErrorCode.None, "unspecified error")
    {
    }

    public GovAuthZException(string message)
        : this(ErrorCode.None, message)
    {
    }

    public GovAuthZException(string message, Exception innerException)
        : this(ErrorCode.None, message, SourceLocation.None, innerException)
    {
    }

    public ErrorCode Code { get; }

    /// <summary>What was wrong, without code or location.</summary>
    public string Detail { get; }

    public SourceLocation Location { get; }

    /// <summary>The public identifier of <see cref="Code"/>, e.g. GAZ1001.</summary>
    public string CodeId => ErrorCodes.Format(Code);

    private static string Compose(ErrorCode code, string detail, SourceLocation location)
    {
        var id = ErrorCodes.Format(code);
        return location.Line == 0 && location.File.Length == 0
            ? $"{id}: {detail}"
            : $"{id}: {location}: {detail}";
    }
}
