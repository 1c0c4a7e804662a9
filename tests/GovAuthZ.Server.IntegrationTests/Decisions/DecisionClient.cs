using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace GovAuthZ.Server.IntegrationTests.Decisions;

/// <summary>Posts JSON bodies and reads answers as JSON documents; requests are written as raw proto3 JSON text.</summary>
internal static class DecisionClient
{
    // Officials and datasets taken from policies/tests/sharing-types.yaml.
    public const string Wang = """{"official":{"id":"official:wang","department":"civil_affairs_nj","level":"ADMINISTRATIVE_LEVEL_MUNICIPAL","region":"320100","clearance":"DATA_GRADE_IMPORTANT"}}""";
    public const string Chen = """{"official":{"id":"official:chen","department":"market_regulation_sz","level":"ADMINISTRATIVE_LEVEL_MUNICIPAL","region":"320500","clearance":"DATA_GRADE_IMPORTANT"}}""";

    // Allowed: a conditional dataset with an agreement (civil_affairs_nj -> hrss_js).
    public static readonly string AllowedCheck = Check(Wang, "ds_hr_social_insurance_nj", "social-assistance-eligibility");

    // Denied: no market_regulation_sz -> hrss_sz agreement.
    public static readonly string DeniedCheck = Check(Chen, "ds_hr_employment_sz", "business-licence-approval");

    public static string Check(string principal, string dataset, string purpose) =>
        $$"""{"principal":{{principal}},"resource":{"datasetId":"{{dataset}}"},"action":"read","purpose":"{{purpose}}"}""";

    public static async Task<(HttpResponseMessage Response, JsonDocument Body)> PostAsync(HttpClient client, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response, body);
    }
}
