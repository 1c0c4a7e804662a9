using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Evaluation;
using GovAuthZ.Server.Catalog;

namespace GovAuthZ.Server.Decisions;

/// <summary>
/// A check translated into the engine's request (r = sub, obj, act, purpose), with the attribute pairs kept
/// so Explain can list what the engine was given.
/// </summary>
internal sealed record MappedRequest(
    Value[] Values,
    KeyValuePair<string, Value>[] Subject,
    KeyValuePair<string, Value>[] Resource,
    DatasetEntry? Dataset,
    PurposeEntry Purpose);

/// <summary>
/// Maps a <see cref="CheckRequest"/> onto the shipped model's request shape. Rejects what the model cannot
/// decide meaningfully (unknown dataset or purpose, missing fields) with a stable code instead of letting
/// it become a silent deny, so a caller's mistake is visible as a 400, not as a missing permission.
/// </summary>
internal static class RequestMapper
{
    public static MappedRequest Map(CheckRequest request, PolicyCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Principal is null)
        {
            throw Invalid("principal is required");
        }

        if (request.Action.Length == 0)
        {
            throw Invalid("action is required");
        }

        if (request.Purpose.Length == 0)
        {
            throw Invalid("purpose is required");
        }

        if (!catalog.Purposes.TryGetValue(request.Purpose, out var purpose))
        {
            throw new GovAuthZException(ErrorCode.DecisionUnknownPurpose, $"unknown purpose '{request.Purpose}'");
        }

        var subject = SubjectOf(request.Principal);
        var (resource, dataset) = ResourceOf(request.Resource, catalog);
        Value[] values =
        [
            Value.FromObject(new AttributeObject(subject)),
            Value.FromObject(new AttributeObject(resource)),
            Value.FromString(request.Action),
            Value.FromString(request.Purpose),
        ];
        return new MappedRequest(values, subject, resource, dataset, purpose);
    }

    // Roles in the request are deliberately not passed on: the model takes roles from g rows only, so
    // revoking a role in policy.csv takes effect without re-issuing tokens.
    private static KeyValuePair<string, Value>[] SubjectOf(Principal principal)
    {
        if (principal.IdentityCase != Principal.IdentityOneofCase.Official)
        {
            // Apps and subject tokens are turned into officials before mapping (PrincipalResolver); one
            // reaching here was sent past it, which is a server fault, not a reason to decide.
            throw Invalid($"principal form '{principal.IdentityCase}' was not resolved; send an official, an app or a subject token");
        }

        var official = principal.Official;
        if (official.Id.Length == 0 || official.Department.Length == 0)
        {
            throw Invalid("principal.official.id and principal.official.department are required");
        }

        if (!IsRegionCode(official.Region))
        {
            throw Invalid($"principal.official.region '{official.Region}' is not a 6-digit division code or a 9-digit township code");
        }

        if (official.Level == AdministrativeLevel.Unspecified || official.Clearance == DataGrade.Unspecified)
        {
            throw Invalid("principal.official.level and principal.official.clearance are required");
        }

        return
        [
            new("id", Value.FromString(official.Id)),
            new("department", Value.FromString(official.Department)),
            new("level", Value.FromNumber((int)official.Level)),
            new("region", Value.FromString(official.Region)),
            new("clearance", Value.FromString(GradeName(official.Clearance))),
        ];
    }

    private static (KeyValuePair<string, Value>[] Attributes, DatasetEntry? Dataset) ResourceOf(Resource? resource, PolicyCatalog catalog)
    {
        switch (resource?.KindCase)
        {
            case Resource.KindOneofCase.DatasetId:
                if (!catalog.Datasets.TryGetValue(resource.DatasetId, out var dataset))
                {
                    throw new GovAuthZException(ErrorCode.DecisionUnknownDataset, $"unknown dataset '{resource.DatasetId}'");
                }

                return (DatasetAttributes(dataset), dataset);
            case Resource.KindOneofCase.Attributes:
                var pairs = new KeyValuePair<string, Value>[resource.Attributes.Values.Count];
                var i = 0;
                foreach (var (name, value) in resource.Attributes.Values)
                {
                    pairs[i++] = new(name, Value.FromString(value));
                }

                return (pairs, null);
            default:
                throw Invalid("resource is required: set dataset_id or attributes");
        }
    }

    private static KeyValuePair<string, Value>[] DatasetAttributes(DatasetEntry dataset) =>
    [
        new("id", Value.FromString(dataset.Id)),
        new("owner", Value.FromString(dataset.Owner)),
        new("region", Value.FromString(dataset.Region)),
        new("grade", Value.FromString(dataset.Grade)),
        new("pi", Value.FromString(dataset.Pi)),
        new("sharing", Value.FromString(dataset.Sharing)),
    ];

    private static string GradeName(DataGrade grade) => grade switch
    {
        DataGrade.General => "general",
        DataGrade.Important => "important",
        DataGrade.Core => "core",
        _ => throw Invalid($"clearance '{grade}' is not a known data grade"),
    };

    // Only the shape is checked here; jurisdiction() in the model validates the code itself (a zero
    // province with a non-zero rest, township number 000) and denies with its own code.
    private static bool IsRegionCode(string region)
    {
        if (region.Length is not (6 or 9))
        {
            return false;
        }

        foreach (var c in region)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static GovAuthZException Invalid(string detail) => new(ErrorCode.DecisionInvalidRequest, detail);
}
