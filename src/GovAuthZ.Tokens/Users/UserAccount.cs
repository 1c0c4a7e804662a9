using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Issuance;

namespace GovAuthZ.Tokens.Users;

public enum UserKind
{
    /// <summary>A civil servant: id "official:...", acts with department, roles, level, region and clearance.</summary>
    Official,

    /// <summary>A member of the public: id "citizen:...", acts on their own data only; no official attributes.</summary>
    Citizen,
}

/// <summary>
/// An end user who signs in at the authorization endpoint. The id is the token's sub; the kind is fixed by
/// the id's prefix so a citizen can never carry official attributes. Immutable once built.
/// </summary>
public sealed class UserAccount
{
    public const string OfficialPrefix = "official:";
    public const string CitizenPrefix = "citizen:";

    public required string UserId { get; init; }

    public string? DisplayName { get; init; }

    /// <summary>A hash made by <see cref="UserPasswords.Hash"/>; never the password.</summary>
    public required string PasswordHash { get; init; }

    /// <summary>Department, roles, level, region, clearance; officials only.</summary>
    public OfficialAttributes? Official { get; init; }

    public UserKind Kind => UserId.StartsWith(OfficialPrefix, StringComparison.Ordinal) ? UserKind.Official : UserKind.Citizen;

    /// <summary>
    /// The kind of user a token's sub names, or null when it names none (a client's own token, whose sub is
    /// its client_id). Client ids cannot contain ':' (<see cref="Clients.OAuthClient.Validate"/>), so no
    /// client can ever pass for a user by its id.
    /// </summary>
    public static UserKind? KindOfSubject(string? subject) =>
        subject is null ? null
        : subject.Length > OfficialPrefix.Length && subject.StartsWith(OfficialPrefix, StringComparison.Ordinal) ? UserKind.Official
        : subject.Length > CitizenPrefix.Length && subject.StartsWith(CitizenPrefix, StringComparison.Ordinal) ? UserKind.Citizen
        : null;

    /// <summary>Throws <see cref="GovAuthZException"/> (GAZ3131) naming the first inconsistency.</summary>
    public void Validate()
    {
        var official = UserId is not null && UserId.StartsWith(OfficialPrefix, StringComparison.Ordinal) && UserId.Length > OfficialPrefix.Length;
        var citizen = UserId is not null && UserId.StartsWith(CitizenPrefix, StringComparison.Ordinal) && UserId.Length > CitizenPrefix.Length;
        Require(official || citizen, "user id must be official:<name> or citizen:<name>");
        Require(UserId!.Length <= 200, "user id must be at most 200 characters");
        Require(!string.IsNullOrEmpty(PasswordHash), "a password hash is required");
        Require(citizen ? Official is null : Official is { Department: not null }, "officials need official attributes with a department; citizens have none");
        Require(Official is null || Official.TryValidate(out _), "official attributes are malformed");
    }

    private void Require(bool condition, string detail)
    {
        if (!condition)
        {
            throw new GovAuthZException(ErrorCode.UserRecordInvalid, $"user '{UserId}': {detail}");
        }
    }
}
