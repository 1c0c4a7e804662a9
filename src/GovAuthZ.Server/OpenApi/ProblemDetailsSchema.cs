using System.Text.Json.Nodes;

namespace GovAuthZ.Server.OpenApi;

/// <summary>
/// RFC 9457 problem details as the REST endpoints write them: the standard members plus the stable GAZ
/// code and, for a body that does not parse, where it went wrong.
/// </summary>
internal static class ProblemDetailsSchema
{
    public static JsonObject Create() => new()
    {
        ["type"] = "object",
        ["title"] = "ProblemDetails",
        ["required"] = new JsonArray("type", "title", "status", "detail", "code"),
        ["properties"] = new JsonObject
        {
            ["type"] = Text("urn:govauthz:problem: followed by the code (RFC 9457 section 3.1.1).", "^urn:govauthz:problem:GAZ[0-9]{4}$"),
            ["title"] = Text("Short summary of the kind of problem."),
            ["status"] = new JsonObject { ["type"] = "integer", ["description"] = "The HTTP status code." },
            ["detail"] = Text("What was wrong with this request, naming the value or the batch entry."),
            ["instance"] = Text("Identifies this occurrence."),
            ["code"] = Text("Stable error code.", "^GAZ[0-9]{4}$"),
            ["pointer"] = Text("RFC 6901 JSON pointer to the body member that could not be read."),
            ["position"] = Text("Line and column where the body stops being JSON."),
            ["traceId"] = Text("W3C trace id of the request, for the server logs."),
        },
    };

    private static JsonObject Text(string description, string? pattern = null)
    {
        var schema = new JsonObject { ["type"] = "string", ["description"] = description };
        if (pattern is not null)
        {
            schema["pattern"] = pattern;
        }

        return schema;
    }
}
