using Google.Protobuf;
using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.Core.Errors;
using GovAuthZ.Server.Configuration;
using GovAuthZ.Server.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovAuthZ.Server.Decisions;

/// <summary>
/// REST form of the decision service: the same contract messages in the proto3 JSON mapping. Errors are
/// RFC 9457 problem details with the stable GAZ code in the <c>code</c> extension member, and for a body
/// that does not parse, <c>pointer</c> (RFC 6901) or <c>position</c> saying where.
/// <para>
/// Local mode: no caller authentication yet. Any client that reaches the listener may ask; the default
/// listener is loopback only. Bearer tokens issued by this server are checked here once the token service
/// exists.
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
        endpoints.MapPost(CheckPath, static (HttpRequest request, DecisionService service, ServerOptions options) =>
            HandleAsync<CheckRequest>(request, options, check => service.Check(check, DecisionTransport.Rest)));
        endpoints.MapPost(CheckBatchPath, static (HttpRequest request, DecisionService service, ServerOptions options) =>
            HandleAsync<CheckBatchRequest>(request, options, batch => service.CheckBatch(batch, DecisionTransport.Rest)));
        endpoints.MapPost(ExplainPath, static (HttpRequest request, DecisionService service, ServerOptions options) =>
            HandleAsync<CheckRequest>(request, options, service.Explain));
        return endpoints;
    }

    /// <summary>The HTTP status each code is answered with; the OpenAPI document lists the same.</summary>
    public static int StatusOf(ErrorCode code) => code switch
    {
        ErrorCode.DecisionNotReady => StatusCodes.Status503ServiceUnavailable,
        ErrorCode.TransportUnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        ErrorCode.TransportBodyTooLarge => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status400BadRequest,
    };

    private static async Task<IResult> HandleAsync<TRequest>(HttpRequest request, ServerOptions options, Func<TRequest, IMessage> handle)
        where TRequest : class, IMessage<TRequest>, new()
    {
        var (message, problem) = await JsonRequestReader.ReadAsync<TRequest>(request, options.Decision.MaxRequestBytes).ConfigureAwait(false);
        if (problem is not null)
        {
            return Problem(problem);
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
        _ => "Invalid request",
    };
}
