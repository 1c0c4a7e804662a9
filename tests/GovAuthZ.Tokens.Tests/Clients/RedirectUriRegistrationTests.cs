using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Clients;

namespace GovAuthZ.Tokens.Tests.Clients;

public sealed class RedirectUriRegistrationTests
{
    [Theory]
    [InlineData("/callback")]
    [InlineData("https://portal.example.gov/callback#frag")]
    [InlineData("not a uri")]
    [InlineData("file:///etc/passwd")]
    public void Validate_WhenRedirectUriRelativeOrHasFragment_Throws(string redirectUri)
    {
        var ex = Assert.Throws<GovAuthZException>(() => Client([redirectUri]).Validate());

        Assert.Equal(ErrorCode.ClientRegistrationInvalid, ex.Code);
    }

    [Fact]
    public void Validate_WhenCodeClientHasAbsoluteRedirectUri_Passes()
    {
        Client(["http://127.0.0.1:8400/callback", "https://portal.example.gov/cb?x=1"]).Validate();
    }

    private static OAuthClient Client(string[] redirectUris) => new()
    {
        ClientId = "spa",
        Type = ClientType.Public,
        AuthenticationMethods = [ClientAuthenticationMethods.None],
        GrantTypes = [GrantTypes.AuthorizationCode],
        RedirectUris = redirectUris,
        Scopes = ["openid"],
    };
}
