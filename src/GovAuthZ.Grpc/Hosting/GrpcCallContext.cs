using Microsoft.AspNetCore.Http;

namespace GovAuthZ.Grpc.Hosting;

/// <summary>What a unary handler may know about its call besides the request message.</summary>
public sealed class GrpcCallContext
{
    /// <summary>A call context; the host makes one per call, tests of handlers make their own.</summary>
    public GrpcCallContext(string method, DateTime? deadline, IHeaderDictionary requestHeaders, CancellationToken cancellationToken)
    {
        Method = method;
        Deadline = deadline;
        CancellationToken = cancellationToken;
        RequestHeaders = requestHeaders;
    }

    /// <summary>The full method path, e.g. <c>/package.Service/Method</c>.</summary>
    public string Method { get; }

    /// <summary>The UTC instant the client stops waiting (from <c>grpc-timeout</c>), or null when it sent none.</summary>
    public DateTime? Deadline { get; }

    /// <summary>Cancelled when the client resets the stream or the deadline passes; handlers should pass it on.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The request headers (custom metadata such as <c>authorization</c> included).</summary>
    public IHeaderDictionary RequestHeaders { get; }
}
