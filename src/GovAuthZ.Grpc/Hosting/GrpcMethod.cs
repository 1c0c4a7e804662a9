namespace GovAuthZ.Grpc.Hosting;

/// <summary>How a method exchanges messages (gRPC's four kinds; the host serves the two that need no client stream).</summary>
public enum GrpcMethodKind
{
    /// <summary>One request message, one response message.</summary>
    Unary,

    /// <summary>One request message, then any number of response messages until the call ends with a status.</summary>
    ServerStreaming,
}

/// <summary>One registered method: its full path and how it answers.</summary>
public abstract class GrpcMethod
{
    private protected GrpcMethod(string path) => Path = path;

    /// <summary>The full path, <c>/package.Service/Method</c>.</summary>
    public string Path { get; }

    /// <summary>Whether the method answers with one message or a stream.</summary>
    public abstract GrpcMethodKind Kind { get; }
}
