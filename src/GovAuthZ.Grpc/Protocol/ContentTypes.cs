namespace GovAuthZ.Grpc.Protocol;

/// <summary>
/// Which request content types are gRPC with protobuf messages. Anything else is answered with HTTP 415
/// by the caller, as the spec asks, because a non-gRPC client would not understand a grpc-status.
/// </summary>
internal static class ContentTypes
{
    /// <summary>The content type of every response.</summary>
    public const string Grpc = "application/grpc";

    private const string ProtoSuffix = "+proto";

    /// <summary>
    /// True for <c>application/grpc</c> and <c>application/grpc+proto</c>, with or without parameters.
    /// Media types are case-insensitive (RFC 9110 section 8.3.1). Other subtypes such as
    /// <c>application/grpc+json</c> are refused because this server only speaks protobuf.
    /// </summary>
    public static bool IsGrpc(ReadOnlySpan<char> contentType)
    {
        var value = contentType.Trim();
        if (!value.StartsWith(Grpc, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = value[Grpc.Length..];
        if (rest.StartsWith(ProtoSuffix, StringComparison.OrdinalIgnoreCase))
        {
            rest = rest[ProtoSuffix.Length..];
        }

        rest = rest.TrimStart();
        return rest.IsEmpty || rest[0] == ';';
    }
}
