namespace GovAuthZ.Grpc.Hosting;

/// <summary>Limits of the gRPC endpoint.</summary>
public sealed class GrpcHostOptions
{
    /// <summary>The gRPC default receive limit; larger requests end with RESOURCE_EXHAUSTED.</summary>
    public const int DefaultMaxReceiveMessageSize = 4 * 1024 * 1024;

    /// <summary>
    /// Largest request message accepted, checked on the frame length before buffering and again on the
    /// decompressed size, so neither a huge frame nor a gzip bomb costs more memory than this.
    /// </summary>
    public int MaxReceiveMessageSize { get; init; } = DefaultMaxReceiveMessageSize;
}
