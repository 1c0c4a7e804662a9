using System.Globalization;

namespace GovAuthZ.LoadGen.Transport;

/// <summary>Names of the gRPC status codes and the decoding of grpc-message, for error reports.</summary>
internal static class GrpcStatus
{
    public const int Ok = 0;

    private static readonly string[] Names =
    [
        "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
        "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE",
        "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
    ];

    public static string NameOf(int code) =>
        (uint)code < (uint)Names.Length ? Names[code] : "code " + code.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// grpc-message is percent-encoded UTF-8. A malformed escape is kept as it is: an error report must
    /// show what arrived, not fail on it.
    /// </summary>
    public static string DecodeMessage(string? encoded) =>
        string.IsNullOrEmpty(encoded) ? string.Empty : Uri.UnescapeDataString(encoded);

    /// <summary>Parses a grpc-status value: ASCII digits only, as the spec writes it.</summary>
    public static bool TryParse(string? text, out int code) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out code);
}
