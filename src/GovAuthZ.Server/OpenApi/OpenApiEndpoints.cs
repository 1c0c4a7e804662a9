using System.Text.Json;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace GovAuthZ.Server.OpenApi;

/// <summary>Serves the OpenAPI document, built at the first request and then reused.</summary>
internal static class OpenApiEndpoints
{
    public const string Path = "/openapi/v1.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    // Built once; two first requests racing both build the same bytes, and either result may be kept.
    private static byte[]? _document;

    public static IEndpointRouteBuilder MapOpenApiDocument(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(Path, static (IOptions<HttpJsonOptions> json) => Results.Bytes(Document(json.Value.SerializerOptions), "application/json"));
        return endpoints;
    }

    /// <summary>
    /// The document as bytes. <paramref name="json"/> is the host's own serializer setup, the one the probe
    /// endpoints write their bodies with, so their schemas describe exactly what goes on the wire.
    /// </summary>
    public static byte[] Document(JsonSerializerOptions json) =>
        Volatile.Read(ref _document) ?? Interlocked.CompareExchange(ref _document, Build(json), null) ?? _document!;

    private static byte[] Build(JsonSerializerOptions json) =>
        JsonSerializer.SerializeToUtf8Bytes(OpenApiDocumentBuilder.Build(json), Indented);
}
