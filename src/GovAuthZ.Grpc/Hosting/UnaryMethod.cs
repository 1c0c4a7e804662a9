namespace GovAuthZ.Grpc.Hosting;

/// <summary>One registered unary method: its full path and the handler that answers it.</summary>
public sealed class UnaryMethod
{
    internal UnaryMethod(string path, Func<ReadOnlyMemory<byte>, GrpcCallContext, ValueTask<GrpcResult>> handler)
    {
        Path = path;
        Handler = handler;
    }

    /// <summary>The full path, <c>/package.Service/Method</c>.</summary>
    public string Path { get; }

    /// <summary>
    /// Gets the request message (already unframed and decompressed) and returns the call's result. The
    /// message memory is owned by the call and must not be kept after the returned task completes.
    /// </summary>
    public Func<ReadOnlyMemory<byte>, GrpcCallContext, ValueTask<GrpcResult>> Handler { get; }
}
