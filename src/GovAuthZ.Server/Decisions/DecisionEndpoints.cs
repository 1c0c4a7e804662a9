using Google.Protobuf;
using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.Core.Errors;
using GovAuthZ.Server.Authentication;
using GovAuthZ.Server.Configuration;
using GovAuthZ.Server.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovAuthZ.Server.Decisions;

/// <summary>
/// REST form of the decision service: the same contract messages in the proto3 JSON mapping. Errors are
/// RFC 9457 problem details with the stable GAZ code in the <c>code</c> extension member, and for a body
/// that does not parse, <c>pointer</c> (RFC 6901) or <c>position</c> saying where.
/// <para>
/// Every call is authenticated first (<see cref="CallerAuthenticator"/>: a bearer token with the method's
/// scope, or the trusted local caller in local mode), then its principals are checked and subject tokens
/// resolved (<see cref="PrincipalResolver"/>), and only then decided.
/// </para>
/// </summary>
internal static class DecisionEndpoints
{
    public const string CheckPath = "/v1/check";
    public const string CheckBatchPath = "/v1/check:batch";
    public const string ExplainPath = "/v1/explain";

    private const string ProblemTypeBase = "urn:govauthz:problem:";

    // Default values are written so a deny reads "allowed": false instead of a missing member.
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public static IEndpointRouteBuilder MapDecisionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        // The services are singletons: resolve them and build the handler delegates once, not per request.
        var services = endpoints.ServiceProvider;
        var service = services.GetRequiredService<DecisionService>();
        var options = services.GetRequiredService<ServerOptions>();
        var access = services.GetRequiredService<DecisionAccess>();
        Func<Caller, CheckRequest, CancellationToken, ValueTask<GovAuthZException?>> resolveCheck = access.Principals.ResolveAsync;
        Func<Caller, CheckBatchRequest, CancellationToken, ValueTask<GovAuthZException?>> resolveBatch = access.Principals.ResolveAsync;
        Func<CheckRequest, IMessage> check = request => service.Check(request, DecisionTransport.Rest);
        Func<CheckBatchRequest, IMessage> checkBatch = request => service.CheckBatch(request, DecisionTransport.Rest);
        Func<CheckRequest, IMessage> explain = service.Explain;
        endpoints.MapPost(CheckPath, (HttpRequest request) =>
            HandleAsync(request, options, access, DecisionScopes.Check, resolveCheck, check));
        endpoints.MapPost(CheckBatchPath, (HttpRequest request) =>
            HandleAsync(request, options, access, DecisionScopes.Check, resolveBatch, checkBatch));
        endpoints.MapPost(ExplainPath, (HttpRequest request) =>
            HandleAsync(request, options, access, DecisionScopes.Explain, resolveCheck, explain));
        return endpoints;
    }

    /// <summary>The HTTP status each code is answered with; the OpenAPI document lists the same.</summary>
    public static int StatusOf(ErrorCode code) => code switch
    {
        ErrorCode.DecisionNotReady or ErrorCode.DecisionStateTooOld => StatusCodes.Status503ServiceUnavailable,
        ErrorCode.TransportUnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        ErrorCode.TransportBodyTooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorCode.DecisionUnauthenticated => StatusCodes.Status401Unauthorized,
        ErrorCode.DecisionForbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status400BadRequest,
    };

    private static async Task<IResult> HandleAsync<TRequest>(
        HttpRequest request,
        ServerOptions options,
        DecisionAccess access,
        string scope,
        Func<Caller, TRequest, CancellationToken, ValueTask<GovAuthZException?>> resolvePrincipals,
        Func<TRequest, IMessage> handle)
        where TRequest : class, IMessage<TRequest>, new()
    {
        // Authentication comes first: an unauthenticated caller learns nothing about the body's validity.
        var aborted = request.HttpContext.RequestAborted;
        var auth = await access.Authenticator.AuthenticateAsync(request.Headers.Authorization, scope, aborted).ConfigureAwait(false);
        if (auth.Caller is not { } caller)
        {
            return AuthProblem(request.HttpContext.Response, auth);
        }

        var (message, problem) = await JsonRequestReader.ReadAsync<TRequest>(request, options.Decision.MaxRequestBytes).ConfigureAwait(false);
        if (problem is not null)
        {
            return Problem(problem);
        }

        if (await resolvePrincipals(caller, message!, aborted).ConfigureAwait(false) is { } refused)
        {
            return Problem(new RequestProblem(refused.Code, refused.Detail));
        }

        try
        {
            return Results.Text(Formatter.Format(handle(message!)), "application/json");
        }
        catch (GovAuthZException error)
        {
            return Problem(new RequestProblem(error.Code, error.Detail));
        }
    }

    // RFC 6750 section 3: a request without credentials gets the challenge alone; a bad token gets
    // invalid_token, a missing scope insufficient_scope with the scope it needs.
    private static ProblemHttpResult AuthProblem(HttpResponse response, AuthOutcome outcome)
    {
        var error = outcome.Error!;
        response.Headers.WWWAuthenticate = outcome.IsForbidden
            ? $"Bearer realm=\"govauthz\", error=\"insufficient_scope\", scope=\"{outcome.RequiredScope}\""
            : outcome.IsMissingCredentials
                ? "Bearer realm=\"govauthz\""
                : "Bearer realm=\"govauthz\", error=\"invalid_token\"";
        return Problem(new RequestProblem(error.Code, error.Detail));
    }

    private static ProblemHttpResult Problem(RequestProblem problem)
    {
        var id = ErrorCodes.Format(problem.Code);
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = id };
        if (problem.Pointer is not null)
        {
            extensions["pointer"] = problem.Pointer;
        }

        if (problem.Position is not null)
        {
            extensions["position"] = problem.Position;
        }

        return TypedResults.Problem(
            detail: problem.Detail,
            statusCode: StatusOf(problem.Code),
            title: TitleOf(problem.Code),
            type: ProblemTypeBase + id,
            extensions: extensions);
    }

    private static string TitleOf(ErrorCode code) => code switch
    {
        ErrorCode.InputMalformedJson => "Malformed request body",
        ErrorCode.TransportUnsupportedMediaType => "Unsupported media type",
        ErrorCode.TransportBodyTooLarge => "Request body too large",
        ErrorCode.DecisionUnknownDataset => "Unknown dataset",
        ErrorCode.DecisionUnknownPurpose => "Unknown purpose",
        ErrorCode.DecisionBatchTooLarge => "Batch too large",
        ErrorCode.DecisionNotReady => "Not ready",
        ErrorCode.DecisionStateTooOld => "State older than the consistency token",
        ErrorCode.DecisionUnauthenticated => "Unauthenticated",
        ErrorCode.DecisionForbidden => "Forbidden",
        _ => "Invalid request",
    };
}
