using System.Collections.Frozen;
using GovAuthZ.Grpc.Protocol;

namespace GovAuthZ.Grpc.Hosting;

/// <summary>
/// The unary methods a server answers, by full path. Methods are added at startup; the first lookup
/// freezes the set so request threads read an immutable dictionary without locks.
/// </summary>
public sealed class GrpcServiceRegistry
{
    private readonly Dictionary<string, UnaryMethod> _methods = new(StringComparer.Ordinal);
    private FrozenDictionary<string, UnaryMethod>? _frozen;

    /// <summary>The registered methods (order unspecified).</summary>
    public IReadOnlyCollection<UnaryMethod> Methods => _methods.Values;

    /// <summary>Registers <paramref name="path"/> (<c>/package.Service/Method</c>); a path may be added once.</summary>
    public GrpcServiceRegistry AddUnary(string path, Func<ReadOnlyMemory<byte>, GrpcCallContext, ValueTask<GrpcResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(handler);
        if (_frozen is not null)
        {
            throw new InvalidOperationException("methods cannot be added after the registry started serving (adding '" + path + "')");
        }

        if (!MethodPath.TryParse(path, out _))
        {
            throw new ArgumentException("'" + path + "' is not a gRPC method path of the form /package.Service/Method", nameof(path));
        }

        if (!_methods.TryAdd(path, new UnaryMethod(path, handler)))
        {
            throw new ArgumentException("method '" + path + "' is already registered", nameof(path));
        }

        return this;
    }

    internal void Freeze() => _frozen ??= _methods.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Finds a method by the request's <c>:path</c>; null when none is registered there.</summary>
    public UnaryMethod? Find(string? path)
    {
        if (path is null)
        {
            return null;
        }

        Freeze();
        return _frozen!.GetValueOrDefault(path);
    }
}
