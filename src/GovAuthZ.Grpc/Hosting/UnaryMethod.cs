namespace GovAuthZ.Grpc.Hosting;

/// <summary>One registered unary method: its full path and the handler that answers it.</summary>
public sealed class UnaryMethod : GrpcMethod
{
    internal UnaryMethod(string path, Func<ReadOnlyMemory<byte>, GrpcCallContext, ValueTask<GrpcResult>> handler)
        : base(path) => Handler = handler;

    /// <inheritdoc />
    public override GrpcMethodKind Kind => GrpcMethodKind.Unary;

    /// <summary>
    /// Gets the request message (already unframed and decompressed) and returns the call's result. The
    /// message memory is owned by the call and must not be kept after the returned task completes.
    /// </summary>
    public Func<ReadOnlyMemory<byte>, GrpcCallContext, ValueTask<GrpcResult>> Handler { get; }
}
