namespace GovAuthZ.Tokens.Issuance;

/// <summary>
/// Who an official is, as the decision point needs it: department, roles, administrative level (1 national
/// to 5 township), region (6-digit division code, or 9 digits for a township post) and clearance (the highest data grade they may see). A
/// department app carries department, region and level only. Absent members are left out of the token.
/// </summary>
public sealed record OfficialAttributes
{
    public string? Department { get; init; }

    public IReadOnlyList<string> Roles { get; init; } = [];

    public int? Level { get; init; }

    public string? Region { get; init; }

    public string? Clearance { get; init; }

    public bool IsEmpty => Department is null && Roles.Count == 0 && Level is null && Region is null && Clearance is null;

    /// <summary>Whether every present member is well-formed; returns the name of the first bad one.</summary>
    public bool TryValidate(out string? invalidMember)
    {
        invalidMember = Department is { Length: 0 } ? nameof(Department)
            : Level is < 1 or > 5 ? nameof(Level)
            : Region is not null && !IsRegionCode(Region) ? nameof(Region)
            : Clearance is not null && !Clearances.IsKnown(Clearance) ? nameof(Clearance)
            : HasEmptyRole(Roles) ? nameof(Roles)
            : null;
        return invalidMember is null;
    }

    /// <summary>
    /// Writes the present members under the claim names the decision API reads, for access tokens and
    /// userinfo alike, so the two can never name or shape them differently.
    /// </summary>
    internal void WriteClaims(IDictionary<string, object> claims)
    {
        if (Department is not null)
        {
            claims[TokenClaimNames.Department] = Department;
        }

        if (Roles.Count > 0)
        {
            claims[TokenClaimNames.Roles] = Roles.ToArray();
        }

        if (Level is { } level)
        {
            claims[TokenClaimNames.Level] = level;
        }

        if (Region is not null)
        {
            claims[TokenClaimNames.Region] = Region;
        }

        if (Clearance is not null)
        {
            claims[TokenClaimNames.Clearance] = Clearance;
        }
    }

    public static bool IsRegionCode(string value)
    {
        if (value.Length is not (6 or 9))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasEmptyRole(IReadOnlyList<string> roles)
    {
        foreach (var role in roles)
        {
            if (string.IsNullOrEmpty(role))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Clearance levels, named after the data grades (GB/T 43697 style).</summary>
public static class Clearances
{
    public const string General = "general";
    public const string Important = "important";
    public const string Core = "core";

    public static bool IsKnown(string value) => value is General or Important or Core;
}
