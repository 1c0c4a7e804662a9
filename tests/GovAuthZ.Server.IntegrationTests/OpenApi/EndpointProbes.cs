using System.Net.Http.Headers;
using System.Text;
using GovAuthZ.Server.IntegrationTests.Decisions;

namespace GovAuthZ.Server.IntegrationTests.OpenApi;

/// <summary>
/// A request meant to draw one kind of answer from one route; Unready sends it to a server without
/// policies, Bearer to a server in bearer mode (with a token holding BearerScope when one is given).
/// </summary>
internal sealed record EndpointProbe(
    string Name, string Method, string Path, string? Body, string MediaType, bool Unready = false, bool Bearer = false, string? BearerScope = null)
{
    public HttpRequestMessage Request()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method.ToUpperInvariant()), new Uri(Path, UriKind.Relative));
        if (Body is not null)
        {
            request.Content = new StringContent(Body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(MediaType);
        }

        return request;
    }
}

/// <summary>Probes that between them draw every status the REST surface can answer.</summary>
internal static class EndpointProbes
{
    private const string Json = "application/json";

    public static IEnumerable<EndpointProbe> All()
    {
        var tooLarge = "{\"action\":\"" + new string('a', 4 * 1024 * 1024) + "\"}";
        var unknownDataset = DecisionClient.Check(DecisionClient.Wang, "ds_no_such_dataset", "social-assistance-eligibility");
        var overMax = "{\"checks\":[" + string.Join(",", Enumerable.Repeat(DecisionClient.AllowedCheck, 101)) + "]}";
        var batch = "{\"checks\":[" + DecisionClient.AllowedCheck + "," + DecisionClient.DeniedCheck + "]}";
        foreach (var (path, valid) in new[] { ("/v1/check", DecisionClient.AllowedCheck), ("/v1/check:batch", batch), ("/v1/explain", DecisionClient.AllowedCheck) })
        {
            yield return new EndpointProbe("valid", "post", path, valid, Json);
            yield return new EndpointProbe("malformed", "post", path, "{\"principal\":", Json);
            yield return new EndpointProbe("unknown field", "post", path, "{\"nope\":1}", Json);
            yield return new EndpointProbe("not JSON", "post", path, valid, "text/plain");
            yield return new EndpointProbe("too large", "post", path, tooLarge, Json);
        }

        yield return new EndpointProbe("denied", "post", "/v1/check", DecisionClient.DeniedCheck, Json);
        yield return new EndpointProbe("unknown dataset", "post", "/v1/check", unknownDataset, Json);
        yield return new EndpointProbe("unknown dataset", "post", "/v1/explain", unknownDataset, Json);
        yield return new EndpointProbe("over max", "post", "/v1/check:batch", overMax, Json);
        yield return new EndpointProbe("fail-closed deny", "post", "/v1/check", DecisionClient.AllowedCheck, Json, Unready: true);
        foreach (var path in new[] { "/v1/check", "/v1/check:batch", "/v1/explain" })
        {
            var body = path == "/v1/check:batch" ? "{\"checks\":[" + DecisionClient.AllowedCheck + "]}" : DecisionClient.AllowedCheck;
            yield return new EndpointProbe("no token", "post", path, body, Json, Bearer: true);
            yield return new EndpointProbe("scope missing", "post", path, body, Json, Bearer: true, BearerScope: "consent:read");
            var ahead = DecisionClient.AllowedCheck.Insert(1, "\"consistencyToken\":\"rev:999999\",");
            yield return new EndpointProbe("state too old", "post", path, path == "/v1/check:batch" ? "{\"checks\":[" + ahead + "]}" : ahead, Json);
        }

        yield return new EndpointProbe("alive", "get", "/healthz", null, Json);
        yield return new EndpointProbe("ready", "get", "/readyz", null, Json);
        yield return new EndpointProbe("not ready", "get", "/readyz", null, Json, Unready: true);
        yield return new EndpointProbe("document", "get", "/openapi/v1.json", null, Json);
    }
}
