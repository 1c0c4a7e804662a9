namespace GovAuthZ.Grpc.Hosting;

/// <summary>One registered server-streaming method: its full path and the handler that answers it.</summary>
public sealed class ServerStreamingMethod : GrpcMethod
{
    internal ServerStreamingMethod(string path, Func<ReadOnlyMemory<byte>, GrpcStreamWriter, GrpcCallContext, ValueTask<GrpcStatus>> handler)
        : base(path) => Handler = handler;

    /// <inheritdoc />
    public override GrpcMethodKind Kind => GrpcMethodKind.ServerStreaming;

    /// <summary>
    /// Gets the request message (unframed and decompressed) and a writer for the response messages, and
    /// returns the status the call ends with. The handler may run as long as the client listens; it must
    /// stop when <see cref="GrpcCallContext.CancellationToken"/> fires (client gone or deadline passed).
    /// The request memory must not be kept after the returned task completes.
    /// </summary>
    public Func<ReadOnlyMemory<byte>, GrpcStreamWriter, GrpcCallContext, ValueTask<GrpcStatus>> Handler { get; }
}
