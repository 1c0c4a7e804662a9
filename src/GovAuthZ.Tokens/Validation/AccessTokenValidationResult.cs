using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Errors;
using GovAuthZ.Tokens.Issuance;

namespace GovAuthZ.Tokens.Validation;

/// <summary>The claims of an access token that passed every check.</summary>
public sealed class ValidatedAccessToken
{
    public required string Subject { get; init; }

    public required string ClientId { get; init; }

    public required string TokenId { get; init; }

    public required IReadOnlyList<string> Scopes { get; init; }

    public required IReadOnlyList<string> Audiences { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? AuthTime { get; init; }

    /// <summary>The official's (or department app's) attributes; null when the token carries none.</summary>
    public OfficialAttributes? Official { get; init; }

    /// <summary>The kid of the key that signed the token.</summary>
    public required string KeyId { get; init; }

    /// <summary>The kind of end user the token was issued for; null for a client's own (client_credentials) token.</summary>
    public Users.UserKind? UserKind => Users.UserAccount.KindOfSubject(Subject);

    public bool HasScope(string scope) => OrdinalList.Contains(Scopes, scope);
}

/// <summary>Either the validated token or the reason it was refused (error invalid_token, RFC 6750 3.1).</summary>
public sealed class AccessTokenValidationResult
{
    private AccessTokenValidationResult(ValidatedAccessToken? token, TokenError? error)
    {
        Token = token;
        Error = error;
    }

    public bool IsValid => Token is not null;

    public ValidatedAccessToken? Token { get; }

    public TokenError? Error { get; }

    /// <summary>The stable code of the failure; <see cref="ErrorCode.None"/> when valid.</summary>
    public ErrorCode Code => Error?.Code ?? ErrorCode.None;

    public static AccessTokenValidationResult Success(ValidatedAccessToken token) => new(token, null);

    public static AccessTokenValidationResult Failure(ErrorCode code) => new(null, TokenError.From(code));
}
