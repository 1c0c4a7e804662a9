using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Errors;
using GovAuthZ.Tokens.Users;
using GovAuthZ.Tokens.Validation;

namespace GovAuthZ.Tokens.UserInfo;

/// <summary>
/// The userinfo endpoint's logic (OIDC Core 5.3), host-agnostic. The access token is checked by the same
/// validator as every resource of this server, so it must be meant for the default audience (RFC 9068 4,
/// RFC 9700 2.3: a token for another resource is not accepted here), unexpired and unrevoked. It must be
/// issued to an end user (not a client's own token) and carry scope openid (OIDC Core 5.3.1), and the user
/// must still exist. Claims come from the current user record, not the token, so a changed display name
/// or role is reported as it is now. Thread-safe; create once.
/// </summary>
public sealed class UserInfoService
{
    private const string OpenIdScope = "openid";
    private const string ProfileScope = "profile";

    private readonly AccessTokenValidator _validator;
    private readonly IUserStore _users;

    public UserInfoService(AccessTokenValidator validator, IUserStore users)
    {
        _validator = validator ?? throw new ArgumentNullException(nameof(validator));
        _users = users ?? throw new ArgumentNullException(nameof(users));
    }

    /// <summary>The claims for <paramref name="accessToken"/>, or an invalid_token / insufficient_scope error (RFC 6750 3.1).</summary>
    public async ValueTask<UserInfoResult> GetAsync(string? accessToken, CancellationToken cancellationToken = default)
    {
        var validated = await _validator.ValidateAsync(accessToken, cancellationToken).ConfigureAwait(false);
        if (validated.Token is not { } token)
        {
            return UserInfoResult.Failure(validated.Error!.Value);
        }

        if (token.UserKind is null)
        {
            return UserInfoResult.Failure(TokenError.From(ErrorCode.UserInfoSubjectNotUser));
        }

        if (!token.HasScope(OpenIdScope))
        {
            return UserInfoResult.Failure(TokenError.From(ErrorCode.UserInfoScopeMissing));
        }

        var user = await _users.FindByIdAsync(token.Subject, cancellationToken).ConfigureAwait(false);
        return user is null
            ? UserInfoResult.Failure(TokenError.From(ErrorCode.UserInfoUserUnknown))
            : UserInfoResult.Success(Claims(user, token.HasScope(ProfileScope)));
    }

    /// <summary>sub always (OIDC Core 5.3.2); name with scope profile (5.4); an official's attributes under the access token's claim names.</summary>
    private static Dictionary<string, object> Claims(UserAccount user, bool profile)
    {
        var claims = new Dictionary<string, object>(7, StringComparer.Ordinal) { [TokenClaimNames.Subject] = user.UserId };
        if (profile && !string.IsNullOrEmpty(user.DisplayName))
        {
            claims[TokenClaimNames.Name] = user.DisplayName;
        }

        if (user.Official is not { } official)
        {
            return claims;
        }

        official.WriteClaims(claims);
        return claims;
    }
}

/// <summary>The userinfo claims, or the RFC 6750 error to answer with (its <see cref="TokenError.HttpStatus"/> is 401 or 403).</summary>
public sealed class UserInfoResult
{
    private UserInfoResult(IReadOnlyDictionary<string, object>? claims, TokenError? error)
    {
        Claims = claims;
        Error = error;
    }

    public IReadOnlyDictionary<string, object>? Claims { get; }

    public TokenError? Error { get; }

    public static UserInfoResult Success(IReadOnlyDictionary<string, object> claims) => new(claims, null);

    public static UserInfoResult Failure(TokenError error) => new(null, error);
}
