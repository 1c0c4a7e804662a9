using System.Text.Json.Serialization;
using GovAuthZ.Server.Decisions;

namespace GovAuthZ.Server.Health;

/// <summary>
/// Liveness and readiness probes. Liveness says the process serves requests at all; readiness also
/// requires a loaded policy bundle, so orchestrators keep traffic away from a replica that can only deny.
/// </summary>
internal static class HealthEndpoints
{
    // Shared instance: the liveness probe runs every few seconds and its body never changes.
    private static readonly ProbeStatus Alive = new("alive");

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/healthz", static () => TypedResults.Ok(Alive));
        endpoints.MapGet("/readyz", static (PolicyStore store) => Readiness(store.Current));
        return endpoints;
    }

    private static IResult Readiness(PolicyState state)
    {
        if (state.Bundle is { } bundle)
        {
            // Still ready after a rejected reload: the previous revision serves. The error is reported so
            // operators see that the folder no longer matches what runs.
            var failed = state.LastReloadError is { } e ? new ReloadError(e.CodeId, e.Location.ToString(), e.Detail) : null;
            return TypedResults.Ok(new ReadyStatus("ready", bundle.Revision, failed));
        }

        var error = state.LastReloadError;
        return TypedResults.Json(
            new NotReadyStatus("not-ready", error?.CodeId, error?.Detail ?? "no policy is loaded", error?.Location.ToString()),
            statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

/// <summary>Body of the liveness answer, serialized as <c>{"status":"alive"}</c>.</summary>
internal sealed record ProbeStatus(string Status);

/// <summary>
/// Body of a ready answer: <c>{"status":"ready","revision":N}</c>, plus <c>lastReloadError</c> when the
/// latest reload was rejected.
/// </summary>
internal sealed record ReadyStatus(
    string Status,
    long Revision,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ReloadError? LastReloadError);

/// <summary>Why the latest reload was rejected: GAZ code, file:line and what was wrong.</summary>
internal sealed record ReloadError(string Code, string Location, string Detail);

/// <summary>Body of a not-ready answer: the load error's code, what was wrong and where (file:line).</summary>
internal sealed record NotReadyStatus(string Status, string? Code, string Error, string? Location);
