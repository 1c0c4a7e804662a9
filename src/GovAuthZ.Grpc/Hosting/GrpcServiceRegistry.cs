using System.Collections.Frozen;
using GovAuthZ.Grpc.Protocol;

namespace GovAuthZ.Grpc.Hosting;

/// <summary>
/// The methods a server answers, by full path. Methods are added at startup; the first lookup
/// freezes the set so request threads read an immutable dictionary without locks.
/// </summary>
public sealed class GrpcServiceRegistry
{
    private readonly Dictionary<string, GrpcMethod> _methods = new(StringComparer.Ordinal);
    private FrozenDictionary<string, GrpcMethod>? _frozen;

    /// <summary>The registered methods (order unspecified).</summary>
    public IReadOnlyCollection<GrpcMethod> Methods => _methods.Values;

    /// <summary>Registers <paramref name="path"/> (<c>/package.Service/Method</c>); a path may be added once.</summary>
    public GrpcServiceRegistry AddUnary(string path, Func<ReadOnlyMemory<byte>, GrpcCallContext, ValueTask<GrpcResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(handler);
        return Add(path, new UnaryMethod(path, handler));
    }

    /// <summary>
    /// Registers a server-streaming method at <paramref name="path"/>: one request message, then the
    /// messages the handler writes, then the status it returns.
    /// </summary>
    public GrpcServiceRegistry AddServerStreaming(string path, Func<ReadOnlyMemory<byte>, GrpcStreamWriter, GrpcCallContext, ValueTask<GrpcStatus>> handler)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(handler);
        return Add(path, new ServerStreamingMethod(path, handler));
    }

    private GrpcServiceRegistry Add(string path, GrpcMethod method)
    {
        if (_frozen is not null)
        {
            throw new InvalidOperationException("methods cannot be added after the registry started serving (adding '" + path + "')");
        }

        if (!MethodPath.TryParse(path, out _))
        {
            throw new ArgumentException("'" + path + "' is not a gRPC method path of the form /package.Service/Method", nameof(path));
        }

        if (!_methods.TryAdd(path, method))
        {
            throw new ArgumentException("method '" + path + "' is already registered", nameof(path));
        }

        return this;
    }

    internal void Freeze() => _frozen ??= _methods.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Finds a method by the request's <c>:path</c>; null when none is registered there.</summary>
    public GrpcMethod? Find(string? path)
    {
        if (path is null)
        {
            return null;
        }

        Freeze();
        return _frozen!.GetValueOrDefault(path);
    }
}
