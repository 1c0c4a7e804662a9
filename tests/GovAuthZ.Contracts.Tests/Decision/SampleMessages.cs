using Google.Protobuf.WellKnownTypes;
using GovAuthZ.Contracts.Decision.V1;

namespace GovAuthZ.Contracts.Tests.Decision;

/// <summary>Messages with every field set, so a round trip that drops or alters any field is caught.</summary>
internal static class SampleMessages
{
    public static CheckRequest OfficialRequest() => new()
    {
        Principal = new Principal
        {
            Official = new Official
            {
                Id = "off-1001",
                Department = "dept-civil-affairs-320100",
                Roles = { "caseworker", "reviewer" },
                Level = AdministrativeLevel.Municipal,
                Region = "320100",
                Clearance = DataGrade.Important,
            },
            ActingApp = "relief-portal",
        },
        Resource = new Resource { DatasetId = "household-income" },
        Action = "read",
        Purpose = "social-assistance-eligibility",
        CitizenId = "c-42",
        ConsistencyToken = "rev-17.consent-9",
    };

    public static CheckRequest AttributeResourceRequest()
    {
        var request = OfficialRequest();
        request.Resource = new Resource { Attributes = new ResourceAttributes() };
        request.Resource.Attributes.Values.Add("owner", "dept-health-320000");
        request.Resource.Attributes.Values.Add("grade", "core");
        return request;
    }

    public static CheckResponse Response() => new()
    {
        Allowed = true,
        Reasons = { "consent.active", "jurisdiction.covers" },
        MatchedRule = new MatchedRule { Type = "p", Fields = { "caseworker", "household-income", "read" }, Location = "policy.csv:12" },
        Obligations =
        {
            new Obligation { MaskFields = new MaskFields { Fields = { "id_number", "phone" }, Style = MaskStyle.Partial } },
            new Obligation { Retention = new Retention { MaxAge = Duration.FromTimeSpan(TimeSpan.FromDays(30)) } },
        },
        PolicyRevision = 17,
        DecisionId = "dec-0001",
        ConsentId = "consent-9",
    };
}
