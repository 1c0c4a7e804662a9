using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.Server.Catalog;
using GovAuthZ.Tests.Shared.Conformance;

namespace GovAuthZ.Server.IntegrationTests.Conformance;

/// <summary>
/// A shipped case as the decision API sees it: the contract request, and either the decision the YAML
/// expects or the API error every path must answer instead.
/// </summary>
internal sealed record ApiCase(string Name, CheckRequest Request, bool Allowed, string? Reason, string? ApiError);

/// <summary>
/// Translates policies/tests cases (engine requests as attribute objects) into CheckRequests. Catalog
/// datasets travel as dataset_id (the shipped tests check their attributes equal the catalog's), others
/// as resource attributes. Two kinds of case do not become decisions:
/// <list type="bullet">
/// <item>attributes the typed contract cannot carry (a level sent as text): left out, and counted, so a
/// new case cannot vanish silently;</item>
/// <item>requests the API refuses before deciding, where the engine alone would deny: a principal without
/// clearance or with a region that is not six or nine digits (GAZ2005), a purpose not in purposes.yaml (GAZ2002).
/// Every path must answer them with that error.</item>
/// </list>
/// </summary>
internal static class ApiCases
{
    public const string InvalidRequest = "GAZ2005";
    public const string UnknownPurpose = "GAZ2002";

    public static (List<ApiCase> Cases, List<string> Inexpressible) Load(string file, PolicyCatalog catalog)
    {
        var cases = new List<ApiCase>();
        var inexpressible = new List<string>();
        foreach (var shipped in ShippedCases.LoadCases(file))
        {
            var name = file + ":" + shipped.Line.ToString(CultureInfo.InvariantCulture);
            var subject = (JsonObject)shipped.Request[0]!;
            if (subject["level"] is JsonValue level && level.GetValueKind() != JsonValueKind.Number)
            {
                inexpressible.Add(name);
                continue;
            }

            var request = new CheckRequest
            {
                Principal = new Principal { Official = OfficialOf(subject) },
                Resource = ResourceOf((JsonObject)shipped.Request[1]!, catalog),
                Action = (string)shipped.Request[2]!,
                Purpose = (string)shipped.Request[3]!,
            };
            cases.Add(new ApiCase(name, request, shipped.Expect, shipped.Error, Refusal(request, catalog)));
        }

        return (cases, inexpressible);
    }

    private static Official OfficialOf(JsonObject subject) => new()
    {
        Id = (string)subject["id"]!,
        Department = (string)subject["department"]!,
        Level = (AdministrativeLevel)(int)(double)subject["level"]!,
        Region = (string)subject["region"]!,
        Clearance = (string?)subject["clearance"] switch
        {
            "general" => DataGrade.General,
            "important" => DataGrade.Important,
            "core" => DataGrade.Core,
            null => DataGrade.Unspecified,
            var other => throw new InvalidDataException("unknown clearance '" + other + "'"),
        },
    };

    private static Resource ResourceOf(JsonObject resource, PolicyCatalog catalog)
    {
        var id = (string?)resource["id"];
        if (id is not null && catalog.Datasets.ContainsKey(id))
        {
            return new Resource { DatasetId = id };
        }

        var attributes = new ResourceAttributes();
        foreach (var (key, value) in resource)
        {
            attributes.Values.Add(key, value!.GetValueKind() == JsonValueKind.String ? (string)value! : value.ToJsonString());
        }

        return new Resource { Attributes = attributes };
    }

    private static string? Refusal(CheckRequest request, PolicyCatalog catalog)
    {
        var official = request.Principal.Official;
        if (official.Clearance == DataGrade.Unspecified || !IsRegionCode(official.Region))
        {
            return InvalidRequest;
        }

        return catalog.Purposes.ContainsKey(request.Purpose) ? null : UnknownPurpose;
    }

    private static bool IsRegionCode(string region) => region.Length is 6 or 9 && region.All(char.IsAsciiDigit);
}
