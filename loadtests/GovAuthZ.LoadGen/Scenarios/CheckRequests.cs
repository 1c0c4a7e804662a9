using System.Globalization;
using GovAuthZ.Contracts.Decision.V1;

namespace GovAuthZ.LoadGen.Scenarios;

/// <summary>
/// Valid check requests against the shipped policies (officials and datasets from policies/tests), so a
/// load run measures decisions, not validation errors.
/// </summary>
internal static class CheckRequests
{
    // Officials of the shipped tests whose roles come from g rows in policy.csv; zhao is suspended, so
    // the varied mix includes deny-rule hits.
    private static readonly Official[] Officials =
    [
        Official("wang", "civil_affairs_nj", AdministrativeLevel.Municipal, "320100", DataGrade.Important),
        Official("chen", "market_regulation_sz", AdministrativeLevel.Municipal, "320500", DataGrade.Important),
        Official("gao", "civil_affairs_cn", AdministrativeLevel.National, "000000", DataGrade.Core),
        Official("he", "tax_nj", AdministrativeLevel.Municipal, "320100", DataGrade.Important),
        Official("huang", "bigdata_js", AdministrativeLevel.Provincial, "320000", DataGrade.Core),
        Official("li", "civil_affairs_gc", AdministrativeLevel.County, "320118", DataGrade.Important),
        Official("liu", "public_security_js", AdministrativeLevel.Provincial, "320000", DataGrade.Core),
        Official("sun", "tax_js", AdministrativeLevel.Provincial, "320000", DataGrade.Core),
        Official("wu", "public_security_nj", AdministrativeLevel.Municipal, "320100", DataGrade.Important),
        Official("xu", "natural_resources_js", AdministrativeLevel.Provincial, "320000", DataGrade.Core),
        Official("zhang", "health_nj", AdministrativeLevel.Municipal, "320100", DataGrade.Important),
        Official("zhou", "civil_affairs_nj", AdministrativeLevel.Municipal, "320100", DataGrade.Important),
        Official("zhao", "civil_affairs_nj", AdministrativeLevel.Municipal, "320100", DataGrade.Important),
    ];

    // Dataset, action and purpose of each access; every dataset is in policies/catalog.yaml.
    private static readonly (string Dataset, string Action, string Purpose)[] Accesses =
    [
        ("ds_hr_social_insurance_nj", "read", "social-assistance-eligibility"),
        ("ds_tx_taxpayer_register_sz", "read", "business-licence-approval"),
        ("ds_bd_service_stats_nj", "read", "public-service-delivery"),
        ("ds_he_medical_institutions_js", "read", "public-service-delivery"),
        ("ds_ps_key_persons_nj", "read", "criminal-investigation"),
        ("ds_bd_public_credit_js", "read", "tax-administration"),
        ("ds_nr_basic_farmland_js", "read", "land-use-planning"),
        ("ds_bd_legal_entity_base_js", "export", "data-governance"),
        ("ds_ca_low_income_nj", "read", "social-assistance-eligibility"),
        ("ds_ps_vehicles_nj", "read", "criminal-investigation"),
        ("ds_hr_employment_sz", "read", "business-licence-approval"),
        ("ds_ca_social_orgs_js", "read", "public-service-delivery"),
    ];

    /// <summary>Distinct official and access pairs before citizen ids are needed to keep requests apart.</summary>
    public static int DistinctPairs => Officials.Length * Accesses.Length;

    /// <summary>
    /// The fixed request: a caseworker reading social-insurance data under an approved sharing agreement
    /// (allowed). The same bytes every call, so a decision cache answers it from its first entry.
    /// </summary>
    public static CheckRequest Fixed() => Create(Officials[0], Accesses[0], citizenId: string.Empty);

    /// <summary>
    /// <paramref name="count"/> pairwise distinct requests, a mix of allows and denies. Officials vary
    /// fastest, then accesses; past <see cref="DistinctPairs"/> a citizen id keeps each request distinct.
    /// </summary>
    public static CheckRequest[] Varied(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var requests = new CheckRequest[count];
        for (var k = 0; k < count; k++)
        {
            var round = k / DistinctPairs;
            var pair = k % DistinctPairs;
            var citizen = round == 0 ? string.Empty : "citizen:" + round.ToString(CultureInfo.InvariantCulture);
            requests[k] = Create(Officials[pair % Officials.Length], Accesses[pair / Officials.Length], citizen);
        }

        return requests;
    }

    private static CheckRequest Create(Official official, (string Dataset, string Action, string Purpose) access, string citizenId) => new()
    {
        Principal = new Principal { Official = official },
        Resource = new Resource { DatasetId = access.Dataset },
        Action = access.Action,
        Purpose = access.Purpose,
        CitizenId = citizenId,
    };

    private static Official Official(string name, string department, AdministrativeLevel level, string region, DataGrade clearance) => new()
    {
        Id = "official:" + name,
        Department = department,
        Level = level,
        Region = region,
        Clearance = clearance,
    };
}
