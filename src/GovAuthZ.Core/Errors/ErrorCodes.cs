namespace GovAuthZ.Core.Errors;

/// <summary>Formats <see cref="ErrorCode"/> values as the stable public identifiers, e.g. GAZ1001.</summary>
public static class ErrorCodes
{
    /// <summary>The public identifier of a code: "GAZ" and four digits.</summary>
    public static string Format(ErrorCode code) => code switch
    {
        ErrorCode.None => "GAZ0000",
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"GAZ{(int)code:D4}"),
    };
}
