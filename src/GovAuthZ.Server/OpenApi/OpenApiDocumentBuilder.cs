using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using Google.Protobuf.Reflection;
using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.Core.Errors;
using GovAuthZ.Server.Authentication;
using GovAuthZ.Server.Decisions;
using GovAuthZ.Server.Health;

namespace GovAuthZ.Server.OpenApi;

/// <summary>
/// Builds the OpenAPI 3.1 document of the REST surface. Request and response shapes of the decision API
/// come from the DecisionService descriptor (<see cref="ProtoJsonSchemas"/>), the probe bodies from their
/// C# records through System.Text.Json's schema exporter, so neither is a hand-written copy. What is
/// written here is only what the types cannot say: the routes, and which error codes each route answers.
/// </summary>
internal static class OpenApiDocumentBuilder
{
    public const string ProblemSchema = "ProblemDetails";

    // The REST route of each DecisionService method, and the codes its handler can answer with.
    private static readonly (string Path, string Method, ErrorCode[] Errors)[] DecisionRoutes =
    [
        (DecisionEndpoints.CheckPath, "Check", CheckErrors()),
        (DecisionEndpoints.CheckBatchPath, "CheckBatch", [.. CheckErrors(), ErrorCode.DecisionBatchTooLarge]),
        (DecisionEndpoints.ExplainPath, "Explain", CheckErrors()),
    ];

    private const string BearerScheme = "bearer";

    public static JsonObject Build(JsonSerializerOptions json)
    {
        var schemas = new ProtoJsonSchemas();
        var paths = new JsonObject();
        var service = DecisionReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("DecisionService");
        foreach (var (path, name, errors) in DecisionRoutes)
        {
            var method = service.FindMethodByName(name) ?? throw new InvalidOperationException("DecisionService has no method " + name);
            var operation = DecisionOperation(method, schemas, errors);

            // Bearer mode needs a token with the method's scope; local mode (loopback only) needs nothing.
            var scope = name == "Explain" ? DecisionScopes.Explain : DecisionScopes.Check;
            operation["security"] = new JsonArray(new JsonObject { [BearerScheme] = new JsonArray(scope) }, new JsonObject());
            paths[path] = new JsonObject { ["post"] = operation };
        }

        var components = new JsonObject();
        foreach (var (name, schema) in schemas.Schemas)
        {
            components[name] = schema.DeepClone();
        }

        components[ProblemSchema] = ProblemDetailsSchema.Create();
        ProbeOperations.Add(paths, components, json);
        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "GovAuthZ decision API",
                ["version"] = "v1",
                ["description"] = "Authorization decisions for government data sharing. The bodies are the messages of "
                    + "proto/govauthz/decision/v1/decision.proto in the proto3 JSON mapping; the same messages are served "
                    + "over gRPC. Errors are RFC 9457 problem details whose code member is a stable GAZ code. "
                    + "A deny, including the fail-closed deny while no policy is loaded, is a normal 200 answer.",
            },
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = components,
                ["securitySchemes"] = new JsonObject
                {
                    [BearerScheme] = new JsonObject
                    {
                        ["type"] = "http",
                        ["scheme"] = "bearer",
                        ["bearerFormat"] = "JWT (RFC 9068 access token from this server's token endpoint)",
                    },
                },
            },
        };
    }

    private static ErrorCode[] CheckErrors() =>
    [
        ErrorCode.InputMalformedJson,
        ErrorCode.TransportUnsupportedMediaType,
        ErrorCode.TransportBodyTooLarge,
        ErrorCode.DecisionUnknownDataset,
        ErrorCode.DecisionUnknownPurpose,
        ErrorCode.DecisionInvalidRequest,
        ErrorCode.DecisionUnauthenticated,
        ErrorCode.DecisionForbidden,
        ErrorCode.DecisionStateTooOld,
    ];

    private static JsonObject DecisionOperation(MethodDescriptor method, ProtoJsonSchemas schemas, ErrorCode[] errors)
    {
        var responses = new JsonObject
        {
            ["200"] = Json("The " + method.OutputType.Name + ".", schemas.RefTo(method.OutputType)),
        };
        foreach (var group in errors.GroupBy(DecisionEndpoints.StatusOf).OrderBy(g => g.Key))
        {
            var codes = string.Join(", ", group.Select(ErrorCodes.Format));
            responses[group.Key.ToString(CultureInfo.InvariantCulture)] = new JsonObject
            {
                ["description"] = "Problem details; code is one of " + codes + ".",
                ["content"] = new JsonObject
                {
                    ["application/problem+json"] = new JsonObject { ["schema"] = ProtoJsonSchemas.Ref(ProblemSchema) },
                },
            };
        }

        return new JsonObject
        {
            ["operationId"] = method.Name,
            ["summary"] = method.Service.FullName + "/" + method.Name + " in proto3 JSON.",
            ["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = schemas.RefTo(method.InputType) } },
            },
            ["responses"] = responses,
        };
    }

    internal static JsonObject Json(string description, JsonNode schema) => new()
    {
        ["description"] = description,
        ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = schema } },
    };

    /// <summary>The probes, whose bodies are C# records serialized with the host's JSON options.</summary>
    private static class ProbeOperations
    {
        public static void Add(JsonObject paths, JsonObject components, JsonSerializerOptions json)
        {
            components[nameof(ProbeStatus)] = Export<ProbeStatus>(json);
            components[nameof(ReadyStatus)] = Export<ReadyStatus>(json);
            components[nameof(NotReadyStatus)] = Export<NotReadyStatus>(json);
            paths["/healthz"] = Get("Liveness", "Liveness: the process serves requests.", new JsonObject
            {
                ["200"] = Json("Alive.", ProtoJsonSchemas.Ref(nameof(ProbeStatus))),
            });
            paths["/readyz"] = Get("Readiness", "Readiness: a policy bundle is loaded.", new JsonObject
            {
                ["200"] = Json("Ready, with the serving revision and the last rejected reload, if any.", ProtoJsonSchemas.Ref(nameof(ReadyStatus))),
                ["503"] = Json("No policy is loaded; says why and where.", ProtoJsonSchemas.Ref(nameof(NotReadyStatus))),
            });
            paths[OpenApiEndpoints.Path] = Get("OpenApi", "This document.", new JsonObject
            {
                ["200"] = Json("The OpenAPI 3.1 document.", new JsonObject { ["type"] = "object" }),
            });
        }

        private static JsonObject Get(string operationId, string summary, JsonObject responses) => new()
        {
            ["get"] = new JsonObject { ["operationId"] = operationId, ["summary"] = summary, ["responses"] = responses },
        };

        private static JsonNode Export<T>(JsonSerializerOptions json)
        {
            var schema = json.GetJsonSchemaAsNode(typeof(T), new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });
            schema["title"] = typeof(T).Name;
            DropOmittable(schema, typeof(T), json.PropertyNamingPolicy);
            return schema;
        }

        // A member left out when null (JsonIgnore WhenWritingNull) is not required, whatever the
        // constructor says.
        private static void DropOmittable(JsonNode schema, Type type, JsonNamingPolicy? naming)
        {
            if (schema["required"] is not JsonArray required)
            {
                return;
            }

            foreach (var property in type.GetProperties())
            {
                var ignore = property.GetCustomAttributes(typeof(JsonIgnoreAttribute), inherit: true);
                if (ignore.Length > 0 && ((JsonIgnoreAttribute)ignore[0]).Condition != JsonIgnoreCondition.Never)
                {
                    var name = naming?.ConvertName(property.Name) ?? property.Name;
                    var index = required.ToList().FindIndex(n => n?.GetValue<string>() == name);
                    if (index >= 0)
                    {
                        required.RemoveAt(index);
                    }
                }
            }
        }
    }
}
