using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Clients;
using GovAuthZ.Tokens.Errors;
using GovAuthZ.Tokens.Tests.Fakes;

namespace GovAuthZ.Tokens.Tests.Clients;

public sealed class ClientSecretAuthenticationTests
{
    [Fact]
    public async Task AuthenticateAsync_WhenBasicCredentialsCorrect_Succeeds()
    {
        using var f = new ClientFixture();

        var result = await f.Authenticator.AuthenticateAsync(new ClientCredentials { AuthorizationHeader = ClientFixture.BasicHeader(ClientFixture.SecretClientId, ClientFixture.Secret) });

        Assert.True(result.Succeeded);
        Assert.Equal(ClientFixture.SecretClientId, result.Client!.ClientId);
        Assert.Equal(ClientAuthenticationMethods.ClientSecretBasic, result.Method);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenBasicPartsAreFormUrlEncoded_DecodesEachPart()
    {
        using var f = new ClientFixture();
        var header = ClientFixture.BasicHeader(ClientFixture.OddClientId, ClientFixture.OddSecret);
        Assert.Contains("%3A", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(header[6..])), StringComparison.Ordinal);

        var result = await f.Authenticator.AuthenticateAsync(new ClientCredentials { AuthorizationHeader = header });

        Assert.True(result.Succeeded, result.Error?.Description);
        Assert.Equal(ClientFixture.OddClientId, result.Client!.ClientId);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenBasicPartsSentUnencoded_FailsBecausePlusMeansSpace()
    {
        using var f = new ClientFixture();
        var header = ClientFixture.RawBasicHeader(ClientFixture.OddClientId + ":" + ClientFixture.OddSecret);

        var result = await f.Authenticator.AuthenticateAsync(new ClientCredentials { AuthorizationHeader = header });

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenSchemeNameInOtherCase_StillParsesBasic()
    {
        using var f = new ClientFixture();
        var header = "bAsIc " + ClientFixture.BasicHeader(ClientFixture.SecretClientId, ClientFixture.Secret)[6..];

        Assert.True((await f.Authenticator.AuthenticateAsync(new ClientCredentials { AuthorizationHeader = header })).Succeeded);
    }

    [Theory]
    [InlineData("Basic !!!notbase64")]
    [InlineData("Basic cmVwb3J0cw==")] // "reports" without a colon
    [InlineData("Basic OnNlY3JldA==")] // ":secret", empty client id
    [InlineData("Basic cmVwb3J0czpzZWNyJXp6")] // "reports:secr%zz"
    [InlineData("Basic //79")] // invalid UTF-8
    public async Task AuthenticateAsync_WhenBasicHeaderMalformed_FailsWithInvalidRequest(string header)
    {
        using var f = new ClientFixture();

        var result = await f.Authenticator.AuthenticateAsync(new ClientCredentials { AuthorizationHeader = header });

        Assert.Equal(ErrorCode.ClientAuthenticationMalformed, result.Code);
        Assert.Equal(OAuthErrors.InvalidRequest, result.Error!.Value.Error);
        Assert.True(result.UsedBasicScheme);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenSecretWrong_FailsWithInvalidClientAndBasicChallenge()
    {
        using var f = new ClientFixture();

        var result = await f.Authenticator.AuthenticateAsync(new ClientCredentials { AuthorizationHeader = ClientFixture.BasicHeader(ClientFixture.SecretClientId, ClientSecretHasher.GenerateSecret()) });

        Assert.Equal(ErrorCode.ClientSecretInvalid, result.Code);
        Assert.Equal(OAuthErrors.InvalidClient, result.Error!.Value.Error);
        Assert.Equal(401, result.Error!.Value.HttpStatus);
        Assert.True(result.UsedBasicScheme);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenClientUnknown_DescribesFailureExactlyLikeAWrongSecret()
    {
        using var f = new ClientFixture();

        var unknown = await f.Authenticator.AuthenticateAsync(new ClientCredentials { AuthorizationHeader = ClientFixture.BasicHeader("nobody", ClientFixture.Secret) });
        var wrong = await f.Authenticator.AuthenticateAsync(new ClientCredentials { AuthorizationHeader = ClientFixture.BasicHeader(ClientFixture.SecretClientId, "x" + ClientFixture.Secret) });

        Assert.Equal(ErrorCode.ClientUnknown, unknown.Code);
        Assert.Equal(wrong.Error!.Value.Error, unknown.Error!.Value.Error);
        Assert.Equal(wrong.Error!.Value.Description, unknown.Error!.Value.Description);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenPostCredentialsCorrect_Succeeds()
    {
        using var f = new ClientFixture();

        var result = await f.Authenticator.AuthenticateAsync(new ClientCredentials { ClientId = ClientFixture.SecretClientId, ClientSecret = ClientFixture.Secret });

        Assert.True(result.Succeeded);
        Assert.Equal(ClientAuthenticationMethods.ClientSecretPost, result.Method);
        Assert.False(result.UsedBasicScheme);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenMethodNotRegisteredForClient_FailsWithInvalidClient()
    {
        using var f = new ClientFixture();

        var basic = await f.Authenticator.AuthenticateAsync(new ClientCredentials { AuthorizationHeader = ClientFixture.BasicHeader(ClientFixture.PostOnlyClientId, ClientFixture.Secret) });
        var post = await f.Authenticator.AuthenticateAsync(new ClientCredentials { ClientId = ClientFixture.OddClientId, ClientSecret = ClientFixture.OddSecret });

        Assert.Equal(ErrorCode.ClientAuthenticationMethodNotAllowed, basic.Code);
        Assert.Equal(ErrorCode.ClientAuthenticationMethodNotAllowed, post.Code);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenBasicAndPostBothUsed_FailsWithInvalidRequest()
    {
        using var f = new ClientFixture();

        var result = await f.Authenticator.AuthenticateAsync(new ClientCredentials
        {
            AuthorizationHeader = ClientFixture.BasicHeader(ClientFixture.SecretClientId, ClientFixture.Secret),
            ClientId = ClientFixture.SecretClientId,
            ClientSecret = ClientFixture.Secret,
        });

        Assert.Equal(ErrorCode.ClientAuthenticationMultipleMethods, result.Code);
        Assert.Equal(OAuthErrors.InvalidRequest, result.Error!.Value.Error);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenPostAndAssertionBothUsed_FailsWithInvalidRequest()
    {
        using var f = new ClientFixture();
        var credentials = ClientFixture.AssertionCredentials(f.Assertion()) with { ClientSecret = ClientFixture.Secret };

        Assert.Equal(ErrorCode.ClientAuthenticationMultipleMethods, (await f.Authenticator.AuthenticateAsync(credentials)).Code);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenBasicIdDiffersFromFormClientId_FailsWithInvalidRequest()
    {
        using var f = new ClientFixture();

        var result = await f.Authenticator.AuthenticateAsync(new ClientCredentials
        {
            AuthorizationHeader = ClientFixture.BasicHeader(ClientFixture.SecretClientId, ClientFixture.Secret),
            ClientId = ClientFixture.PostOnlyClientId,
        });

        Assert.Equal(ErrorCode.ClientIdMismatch, result.Code);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenPublicClientSendsClientIdOnly_SucceedsWithMethodNone()
    {
        using var f = new ClientFixture();

        var result = await f.Authenticator.AuthenticateAsync(new ClientCredentials { ClientId = ClientFixture.PublicClientId });

        Assert.True(result.Succeeded);
        Assert.Equal(ClientAuthenticationMethods.None, result.Method);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenConfidentialClientSendsClientIdOnly_FailsWithInvalidClient()
    {
        using var f = new ClientFixture();

        var result = await f.Authenticator.AuthenticateAsync(new ClientCredentials { ClientId = ClientFixture.SecretClientId });

        Assert.Equal(ErrorCode.ClientAuthenticationMissing, result.Code);
        Assert.Equal(OAuthErrors.InvalidClient, result.Error!.Value.Error);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenNothingSent_FailsWithInvalidClient()
    {
        using var f = new ClientFixture();

        var result = await f.Authenticator.AuthenticateAsync(new ClientCredentials());

        Assert.Equal(ErrorCode.ClientAuthenticationMissing, result.Code);
    }

    [Fact]
    public async Task AuthenticateAsync_WhenAuthorizationIsNotBasic_IgnoresIt()
    {
        using var f = new ClientFixture();

        var result = await f.Authenticator.AuthenticateAsync(new ClientCredentials { AuthorizationHeader = "Bearer abc", ClientId = ClientFixture.SecretClientId, ClientSecret = ClientFixture.Secret });

        Assert.True(result.Succeeded);
    }
}
