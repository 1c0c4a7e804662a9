using GovAuthZ.Core.Errors;
using System.Text.Json.Serialization;
using GovAuthZ.Server.Decisions;
using GovAuthZ.Tokens.Storage;

namespace GovAuthZ.Server.Health;

/// <summary>
/// Liveness and readiness probes. Liveness says the process serves requests at all; readiness also
/// requires a loaded policy bundle and a reachable store, so orchestrators keep traffic away from a replica
/// that can only deny or cannot issue tokens.
/// </summary>
internal static class HealthEndpoints
{
    // Shared instance: the liveness probe runs every few seconds and its body never changes.
    private static readonly ProbeStatus Alive = new("alive");

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/healthz", static () => TypedResults.Ok(Alive));
        endpoints.MapGet("/readyz", static (PolicyStore store, TokenDatabase database, CancellationToken aborted) =>
            ReadinessAsync(store.Current, database, aborted));
        return endpoints;
    }

    // The store holds signing keys, clients and revocations: a replica that cannot reach it cannot issue or
    // revoke tokens, so it reports not ready. Bounded so a hung database cannot hang the probe.
    private static readonly TimeSpan StoreProbeTimeout = TimeSpan.FromSeconds(2);

    private static async Task<IResult> ReadinessAsync(PolicyState state, TokenDatabase database, CancellationToken aborted)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        timeout.CancelAfter(StoreProbeTimeout);
        try
        {
            await database.PingAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (error is GovAuthZException or OperationCanceledException)
        {
            var code = ErrorCodes.Format(ErrorCode.TokenStoreUnavailable);
            var detail = error is GovAuthZException known ? known.Detail : $"the {database.Provider} store did not answer within {StoreProbeTimeout.TotalSeconds} s";
            return TypedResults.Json(new NotReadyStatus("not-ready", code, detail, null), statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return Readiness(state);
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
