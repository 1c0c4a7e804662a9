using System.Net;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.Server.IntegrationTests.Authentication;
using GovAuthZ.Server.IntegrationTests.Decisions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GovAuthZ.Server.IntegrationTests.OpenApi;

public sealed class OpenApiDocumentTests : IClassFixture<DecisionServerFactory>
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = DecisionReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("DecisionService");

    private readonly DecisionServerFactory _factory;

    public OpenApiDocumentTests(DecisionServerFactory factory) => _factory = factory;

    [Fact]
    public async Task Document_WhenServed_IsOpenApi31DescribingTheRestPaths()
    {
        var document = await LoadAsync();

        Assert.Equal("3.1.0", (string?)document["openapi"]);
        Assert.Equal(
            ["/healthz", "/openapi/v1.json", "/readyz", "/v1/check", "/v1/check:batch", "/v1/explain"],
            document["paths"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Schemas_WhenServiceIsWalked_EveryReachableMessageAndEnumHasOne()
    {
        var schemas = (await LoadAsync())["components"]!["schemas"]!.AsObject();
        var reachable = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var method in Service.Methods)
        {
            FullyPopulated.Reach(method.InputType, reachable);
            FullyPopulated.Reach(method.OutputType, reachable);
        }

        Assert.Contains("google.protobuf.Duration", reachable);
        Assert.Contains("govauthz.decision.v1.MaskStyle", reachable);
        Assert.All(reachable, name => Assert.True(schemas.ContainsKey(name), name + " has no schema"));
    }

    [Fact]
    public async Task Schemas_WhenFullyPopulatedMessagesAreFormatted_DescribeEveryMemberExactly()
    {
        var document = await LoadAsync();
        var check = new SchemaCheck(document);
        var failures = new List<string>();
        var messages = MessagesWithFields(document).ToList();
        Assert.Equal(15, messages.Count);
        foreach (var descriptor in messages)
        {
            var schema = check.Resolve(ProtoRef(descriptor.FullName));
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var variant = 0; variant < 3; variant++)
            {
                var json = JsonNode.Parse(Formatter.Format(FullyPopulated.Create(descriptor, variant)))!;
                failures.AddRange(check.Errors(json, schema).Select(e => descriptor.Name + " " + e));
                seen.UnionWith(json.AsObject().Select(m => m.Key));
            }

            var described = schema["properties"]!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
            if (!described.SetEquals(seen))
            {
                failures.Add($"{descriptor.Name}: schema has [{string.Join(",", described.Order())}], JSON has [{string.Join(",", seen.Order())}]");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Schemas_WhenProtoJsonSpecialFormsAreUsed_FollowTheMapping()
    {
        var schemas = (await LoadAsync())["components"]!["schemas"]!;

        var response = schemas["govauthz.decision.v1.CheckResponse"]!["properties"]!;
        Assert.Equal("string", (string?)response["policyRevision"]!["type"]);
        Assert.Equal("array", (string?)response["reasons"]!["type"]);
        Assert.Equal("object", (string?)schemas["govauthz.decision.v1.ResourceAttributes"]!["properties"]!["values"]!["type"]);
        Assert.Equal("string", (string?)schemas["google.protobuf.Duration"]!["type"]);
        Assert.Contains("MASK_STYLE_PARTIAL", schemas["govauthz.decision.v1.MaskStyle"]!["enum"]!.AsArray().Select(v => (string?)v));
        Assert.Contains("oneof kind", (string?)schemas["govauthz.decision.v1.Resource"]!["allOf"]![0]!["description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schemas_WhenOneofHasTwoMembersSet_TheDocumentRejectsIt()
    {
        var document = await LoadAsync();
        var check = new SchemaCheck(document);
        var both = JsonNode.Parse("""{"datasetId":"ds_a","attributes":{"values":{"k":"v"}}}""");

        Assert.NotEmpty(check.Errors(both, ProtoRef("govauthz.decision.v1.Resource")));
        Assert.Empty(check.Errors(JsonNode.Parse("""{"datasetId":"ds_a"}"""), ProtoRef("govauthz.decision.v1.Resource")));
    }

    [Fact]
    public async Task Document_WhenEveryEndpointIsCalled_AnswersOnlyDocumentedStatusesWithConformingBodies()
    {
        var document = await LoadAsync();
        var check = new SchemaCheck(document);
        var covered = new HashSet<string>(StringComparer.Ordinal);
        var failures = new List<string>();
        using var unready = new UnreadyFactory();
        using var tokens = await TokenServiceFixture.CreateAsync();
        using var bearer = new BearerServerFactory(tokens);
        foreach (var probe in EndpointProbes.All())
        {
            using var client = probe.Unready ? unready.CreateClient() : probe.Bearer ? bearer.CreateClient() : _factory.CreateClient();
            using var request = probe.Request();
            if (probe.BearerScope is { } scope)
            {
                request.Headers.Authorization = new("Bearer", tokens.AppToken("probe-app", scope).Token);
            }

            using var response = await client.SendAsync(request);
            var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var operation = document["paths"]![probe.Path]![probe.Method]!;
            var media = response.Content.Headers.ContentType?.MediaType ?? "none";
            if (operation["responses"]![status]?["content"]?[media]?["schema"] is not { } schema)
            {
                failures.Add($"{probe.Method} {probe.Path} ({probe.Name}) answered {status} {media}, which the document does not list");
                continue;
            }

            covered.Add(probe.Method + " " + probe.Path + " " + status);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
            failures.AddRange(check.Errors(body, schema).Select(e => $"{probe.Method} {probe.Path} {status}: {e}"));
        }

        var documented = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().SelectMany(o =>
            o.Value!["responses"]!.AsObject().Select(r => o.Key + " " + p.Key + " " + r.Key)));
        failures.AddRange(documented.Where(d => !covered.Contains(d)).Select(d => d + " is documented but no probe produced it"));
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Document_WhenComparedWithTheHostsRoutes_ListsEveryPublicRoute()
    {
        var document = await LoadAsync();
        var routes = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => m.ToLowerInvariant() + " " + e.RoutePattern.RawText))
            .Where(r => !r.EndsWith("/{service}/{method}", StringComparison.Ordinal) && r != "post /admin/reload" && !IsOAuthRoute(r))
            .Order(StringComparer.Ordinal);
        var documented = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => o.Key + " " + p.Key))
            .Order(StringComparer.Ordinal);

        // The gRPC catch-all is not REST, and /admin/reload is a loopback-only operator endpoint.
        Assert.Equal(routes, documented);
    }

    // The OAuth endpoints are described by their own metadata (RFC 8414 and OpenID Connect discovery) and
    // specified by their RFCs, and the consent form posts only to the server's own page; this document
    // covers the decision API. Exactly these thirteen routes are left out, nothing else.
    private static bool IsOAuthRoute(string route) => route is "get /.well-known/openid-configuration"
        or "get /.well-known/oauth-authorization-server" or "get /oauth/jwks" or "post /oauth/token"
        or "post /oauth/introspect" or "post /oauth/revoke" or "get /oauth/authorize" or "post /oauth/authorize"
        or "post /oauth/consent" or "get /oauth/end-session" or "post /oauth/end-session"
        or "get /oauth/userinfo" or "post /oauth/userinfo";

    private static JsonObject ProtoRef(string fullName) => new() { ["$ref"] = "#/components/schemas/" + fullName };

    private static IEnumerable<MessageDescriptor> MessagesWithFields(JsonNode document)
    {
        foreach (var (name, schema) in document["components"]!["schemas"]!.AsObject())
        {
            const string Package = "govauthz.decision.v1.";
            if (name.StartsWith(Package, StringComparison.Ordinal) && schema!["properties"] is not null
                && DecisionReflection.Descriptor.FindTypeByName<MessageDescriptor>(name[Package.Length..]) is { } descriptor)
            {
                yield return descriptor;
            }
        }
    }

    private async Task<JsonNode> LoadAsync()
    {
        using var client = _factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>The server over a copy of the shipped policies whose model does not load: /readyz answers 503.</summary>
    private sealed class UnreadyFactory : IDisposable
    {
        private readonly PolicyFolderCopy _folder = new();
        private readonly DecisionServerFactory _factory;

        public UnreadyFactory()
        {
            _folder.Edit("model.conf", "[matchers]", "[matchers");
            _factory = new DecisionServerFactory(_folder.Path, null);
        }

        public HttpClient CreateClient() => _factory.CreateClient();

        public void Dispose()
        {
            _factory.Dispose();
            _folder.Dispose();
        }
    }
}
