using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Errors;

namespace GovAuthZ.Tokens.Tests.Errors;

public sealed class TokenErrorTests
{
    public static TheoryData<ErrorCode> TokenCodes()
    {
        var data = new TheoryData<ErrorCode>();
        foreach (var code in Enum.GetValues<ErrorCode>())
        {
            if ((int)code is (>= 3000 and < 3100) or (>= 3160 and < 3180))
            {
                data.Add(code);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TokenCodes))]
    public void From_WhenTokenCode_DescriptionIsAllowedAsErrorDescription(ErrorCode code)
    {
        var error = TokenError.From(code);

        // RFC 6749 5.2: error_description is %x20-21 / %x23-5B / %x5D-7E.
        Assert.NotEqual(code.ToString(), error.Description);
        Assert.All(error.Description, c => Assert.True(c is >= ' ' and <= '~' && c is not '"' and not '\\', $"{code}: '{c}'"));
        Assert.Matches("^GAZ3[0-9]{3}$", error.CodeId);
    }

    [Theory]
    [InlineData(ErrorCode.ClientSecretInvalid, "invalid_client", 401)]
    [InlineData(ErrorCode.ClientAssertionReplayed, "invalid_client", 401)]
    [InlineData(ErrorCode.ClientAuthenticationMultipleMethods, "invalid_request", 400)]
    [InlineData(ErrorCode.TokenRequestDuplicateParameter, "invalid_request", 400)]
    [InlineData(ErrorCode.GrantTypeUnsupported, "unsupported_grant_type", 400)]
    [InlineData(ErrorCode.GrantTypeNotAllowed, "unauthorized_client", 400)]
    [InlineData(ErrorCode.ScopeUnknown, "invalid_scope", 400)]
    [InlineData(ErrorCode.PkceVerifierMismatch, "invalid_grant", 400)]
    [InlineData(ErrorCode.AccessTokenExpired, "invalid_token", 401)]
    [InlineData(ErrorCode.TokenExchangeTargetNotAllowed, "invalid_target", 400)]
    [InlineData(ErrorCode.TokenExchangeTargetMalformed, "invalid_target", 400)]
    [InlineData(ErrorCode.TokenExchangeSubjectNotUser, "invalid_request", 400)]
    [InlineData(ErrorCode.UserInfoScopeMissing, "insufficient_scope", 403)]
    [InlineData(ErrorCode.UserInfoUserUnknown, "invalid_token", 401)]
    [InlineData(ErrorCode.UserInfoSubjectNotUser, "invalid_token", 401)]
    public void From_WhenCode_MapsToRfcErrorNameAndStatus(ErrorCode code, string error, int status)
    {
        var result = TokenError.From(code);

        Assert.Equal(error, result.Error);
        Assert.Equal(status, result.HttpStatus);
    }
}
