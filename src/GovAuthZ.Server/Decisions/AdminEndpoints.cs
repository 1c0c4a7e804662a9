using System.Net;
using GovAuthZ.Server.Logging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovAuthZ.Server.Decisions;

/// <summary>
/// Operator endpoints. Until administrators authenticate, they answer only callers on the loopback
/// interface: a reload is harmless to repeat but costs a full load, so remote callers must not trigger it.
/// </summary>
internal static class AdminEndpoints
{
    private const string ProblemTypeBase = "urn:govauthz:problem:";

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost("/admin/reload", static (HttpContext context, PolicyReloader reloader, ILogger<PolicyReloader> logger) =>
            Reload(context, reloader, logger));
        return endpoints;
    }

    /// <summary>
    /// Fail closed: a connection without a remote address (neither TCP nor an in-process host that sets
    /// one) is not known to be local, so it is refused too.
    /// </summary>
    public static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address);

    private static IResult Reload(HttpContext context, PolicyReloader reloader, ILogger logger)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (!IsLoopback(remote))
        {
            ServerLog.AdminRequestRefused(logger, context.Request.Path, remote?.ToString() ?? "unknown");
            return TypedResults.Problem(
                detail: "administrative endpoints answer loopback callers only",
                statusCode: StatusCodes.Status403Forbidden,
                title: "Forbidden");
        }

        var state = reloader.Reload("admin request");
        if (state.LastReloadError is { } error)
        {
            return Rejected(error, state.Bundle?.Revision ?? 0);
        }

        var revision = state.Bundle?.Revision ?? 0;
        return TypedResults.Ok(new ReloadResult(revision, revision > 0 ? ConsistencyToken.ForRevision(revision) : null));
    }

    private static ProblemHttpResult Rejected(Core.Errors.GovAuthZException error, long servingRevision) => TypedResults.Problem(
        detail: error.Detail,
        statusCode: StatusCodes.Status422UnprocessableEntity,
        title: "Policy reload rejected",
        type: ProblemTypeBase + error.CodeId,
        extensions: new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["code"] = error.CodeId,
            ["location"] = error.Location.ToString(),
            ["servingRevision"] = servingRevision,
        });
}

/// <summary>
/// Body of a successful reload: <c>{"revision":N,"consistencyToken":"rev:N"}</c>, the revision now serving
/// and the token a check presents to be answered from it or later.
/// </summary>
internal sealed record ReloadResult(long Revision, string? ConsistencyToken);
