using GovAuthZ.Grpc.Protocol;

namespace GovAuthZ.Grpc.Hosting;

/// <summary>
/// How a streaming call ends: the status for the <c>grpc-status</c> trailer and an optional human-readable
/// text for <c>grpc-message</c>. The default value is OK with no text.
/// </summary>
public readonly record struct GrpcStatus(StatusCode Code, string? Detail)
{
    /// <summary>The call completed normally.</summary>
    public static GrpcStatus Ok => default;

    /// <summary>The call failed with <paramref name="code"/>.</summary>
    public static GrpcStatus Error(StatusCode code, string? detail) => new(code, detail);
}
