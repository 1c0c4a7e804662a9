using GovAuthZ.Grpc.Protocol;

namespace GovAuthZ.Grpc.Hosting;

/// <summary>
/// How a unary call ends: a status, the response message (sent only when the status is OK) and an
/// optional human-readable status message for the <c>grpc-message</c> trailer.
/// </summary>
public readonly record struct GrpcResult(StatusCode Status, ReadOnlyMemory<byte> Message, string? Detail)
{
    /// <summary>A successful call answering with <paramref name="message"/> (a serialized protobuf message).</summary>
    public static GrpcResult Ok(ReadOnlyMemory<byte> message) => new(StatusCode.OK, message, null);

    /// <summary>A failed call; no response message is sent, only the status (trailers-only response).</summary>
    public static GrpcResult Error(StatusCode status, string? detail) => new(status, ReadOnlyMemory<byte>.Empty, detail);
}
