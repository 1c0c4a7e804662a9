using Google.Protobuf;
using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.Core.Errors;
using GovAuthZ.Server.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovAuthZ.Server.Decisions;

/// <summary>
/// REST form of the decision service: the same contract messages in the proto3 JSON mapping. Errors are
/// RFC 9457 problem details with the stable GAZ code in the <c>code</c> extension member.
/// <para>
/// Local mode: no caller authentication yet. Any client that reaches the listener may ask; the default
/// listener is loopback only. Bearer tokens issued by this server are checked here once the token service
/// exists.
/// </para>
/// </summary>
internal static class DecisionEndpoints
{
    private const string ProblemTypeBase = "urn:govauthz:problem:";

    // Strict parsing: an unknown field is a caller mistake (often a misspelt field) that would otherwise be
    // decided as if the field were absent.
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    // Default values are written so a deny reads "allowed": false instead of a missing member.
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public static IEndpointRouteBuilder MapDecisionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost("/v1/check", static (HttpRequest request, DecisionService service) =>
            HandleAsync<CheckRequest>(request, check => service.Check(check, DecisionTransport.Rest)));
        endpoints.MapPost("/v1/check:batch", static (HttpRequest request, DecisionService service) =>
            HandleAsync<CheckBatchRequest>(request, batch => service.CheckBatch(batch, DecisionTransport.Rest)));
        endpoints.MapPost("/v1/explain", static (HttpRequest request, DecisionService service) =>
            HandleAsync<CheckRequest>(request, service.Explain));
        return endpoints;
    }

    private static async Task<IResult> HandleAsync<TRequest>(HttpRequest request, Func<TRequest, IMessage> handle)
        where TRequest : IMessage<TRequest>, new()
    {
        string body;
        using (var reader = new StreamReader(request.Body))
        {
            body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        }

        TRequest message;
        try
        {
            message = Parser.Parse<TRequest>(body);
        }
        catch (Exception error) when (error is InvalidProtocolBufferException or InvalidJsonException)
        {
            return Problem(new GovAuthZException(ErrorCode.InputMalformedJson, "the body is not a valid " + typeof(TRequest).Name + " in proto3 JSON: " + error.Message));
        }

        try
        {
            return Results.Text(Formatter.Format(handle(message)), "application/json");
        }
        catch (GovAuthZException error)
        {
            return Problem(error);
        }
    }

    private static ProblemHttpResult Problem(GovAuthZException error) => TypedResults.Problem(
        detail: error.Detail,
        statusCode: StatusOf(error.Code),
        title: TitleOf(error.Code),
        type: ProblemTypeBase + error.CodeId,
        extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = error.CodeId });

    private static int StatusOf(ErrorCode code) => code switch
    {
        ErrorCode.DecisionNotReady => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status400BadRequest,
    };

    private static string TitleOf(ErrorCode code) => code switch
    {
        ErrorCode.InputMalformedJson => "Malformed request body",
        ErrorCode.DecisionUnknownDataset => "Unknown dataset",
        ErrorCode.DecisionUnknownPurpose => "Unknown purpose",
        ErrorCode.DecisionBatchTooLarge => "Batch too large",
        _ => "Invalid request",
    };
}
