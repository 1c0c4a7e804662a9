namespace GovAuthZ.Server.Health;

/// <summary>
/// Liveness and readiness probes. Liveness says the process serves requests at all; readiness will
/// also require a loaded policy snapshot once the engine is wired in, so orchestrators keep traffic
/// away from a replica that cannot decide yet.
/// </summary>
internal static class HealthEndpoints
{
    // Shared instances: the probes run every few seconds and their bodies never change.
    private static readonly ProbeStatus Alive = new("alive");
    private static readonly ProbeStatus Ready = new("ready");

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/healthz", static () => TypedResults.Ok(Alive));
        endpoints.MapGet("/readyz", static () => TypedResults.Ok(Ready));
        return endpoints;
    }
}

/// <summary>Body of a probe answer, serialized as <c>{"status":"..."}</c>.</summary>
internal sealed record ProbeStatus(string Status);
