using Google.Protobuf;
using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.Server.IntegrationTests.Decisions;

namespace GovAuthZ.Server.IntegrationTests.Conformance;

/// <summary>Requests the API must refuse, each a valid allowed check with one thing wrong.</summary>
internal static class InvalidRequests
{
    public static CheckRequest Valid() => JsonParser.Default.Parse<CheckRequest>(DecisionClient.AllowedCheck);

    public static CheckRequest Build(string kind)
    {
        var request = Valid();
        switch (kind)
        {
            case "unknown-dataset":
                request.Resource.DatasetId = "ds_no_such_dataset";
                break;
            case "unknown-purpose":
                request.Purpose = "curiosity";
                break;
            case "no-principal":
                request.Principal = null;
                break;
            case "app-principal":
                request.Principal = new Principal { App = new App { ClientId = "portal" } };
                break;
            case "no-action":
                request.Action = string.Empty;
                break;
            case "no-resource":
                request.Resource = null;
                break;
            case "region-not-six-digits":
                request.Principal.Official.Region = "3201";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such invalid request");
        }

        return request;
    }
}
