using GovAuthZ.Tokens.Issuance;

namespace GovAuthZ.Tokens.Users;

/// <summary>
/// Users for a fresh development server, matching the officials of the shipped policies. Their passwords
/// are published, so hosts register them only where development clients are registered.
/// </summary>
public static class DevelopmentUsers
{
    public const string WangId = "official:wang";
    public const string WangPassword = "dev-only-wang-password-01";
    public const string LiId = "official:li";
    public const string LiPassword = "dev-only-li-password-02";
    public const string ZhangId = "citizen:zhang";
    public const string ZhangPassword = "dev-only-zhang-password-03";

    public static IReadOnlyList<UserAccount> Create() =>
    [
        new UserAccount
        {
            UserId = WangId,
            DisplayName = "Wang (Nanjing Civil Affairs caseworker, development only)",
            PasswordHash = UserPasswords.Hash(WangPassword),
            Official = new OfficialAttributes { Department = "civil_affairs_nj", Roles = ["role:caseworker"], Level = 3, Region = "320100", Clearance = Clearances.Important },
        },
        new UserAccount
        {
            UserId = LiId,
            DisplayName = "Li (Gaochun Civil Affairs caseworker, development only)",
            PasswordHash = UserPasswords.Hash(LiPassword),
            Official = new OfficialAttributes { Department = "civil_affairs_gc", Roles = ["role:caseworker", "role:assistance-reviewer"], Level = 4, Region = "320118", Clearance = Clearances.Important },
        },
        new UserAccount
        {
            UserId = ZhangId,
            DisplayName = "Zhang (citizen, development only)",
            PasswordHash = UserPasswords.Hash(ZhangPassword),
        },
    ];
}
