using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GovAuthZ.Grpc.Hosting;

/// <summary>Maps the gRPC endpoint into an ASP.NET Core application.</summary>
public static class GrpcEndpointRouteBuilderExtensions
{
    // Every gRPC path has exactly two segments; literal routes of the application still win over this
    // parameter route, so REST endpoints keep their own paths.
    private const string Pattern = "/{service}/{method}";

    /// <summary>
    /// Serves every method of <paramref name="registry"/> (unary and server-streaming), and answers
    /// UNIMPLEMENTED to gRPC requests for any other two-segment path. The registry is frozen by the first
    /// call it serves.
    /// </summary>
    public static IEndpointConventionBuilder MapGrpc(this IEndpointRouteBuilder endpoints, GrpcServiceRegistry registry, GrpcHostOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(registry);
        options ??= new GrpcHostOptions();
        if (options.MaxReceiveMessageSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxReceiveMessageSize, "MaxReceiveMessageSize must be positive");
        }

        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("GovAuthZ.Grpc");
        var dispatcher = new GrpcCallDispatcher(registry, options, logger);
        return endpoints.Map(Pattern, dispatcher.InvokeAsync).WithDisplayName("gRPC");
    }

    /// <summary>The name <see cref="MapGrpc"/> had while only unary methods were served; same behaviour.</summary>
    public static IEndpointConventionBuilder MapGrpcUnary(this IEndpointRouteBuilder endpoints, GrpcServiceRegistry registry, GrpcHostOptions? options = null) =>
        MapGrpc(endpoints, registry, options);
}
