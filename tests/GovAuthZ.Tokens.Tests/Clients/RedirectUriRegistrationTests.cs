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

    [Theory]
    [InlineData("/signed-out")]
    [InlineData("https://portal.example.gov/bye#frag")]
    [InlineData("file:///etc/passwd")]
    public void Validate_WhenPostLogoutRedirectUriRelativeOrHasFragment_Throws(string uri)
    {
        var client = new OAuthClient
        {
            ClientId = "spa",
            Type = ClientType.Public,
            AuthenticationMethods = [ClientAuthenticationMethods.None],
            GrantTypes = [GrantTypes.AuthorizationCode],
            PostLogoutRedirectUris = [uri],
        };

        Assert.Equal(ErrorCode.ClientRegistrationInvalid, Assert.Throws<GovAuthZException>(client.Validate).Code);
    }

    [Fact]
    public void RequiresConsent_WhenApplicationNotFirstParty_IsTrueOtherwiseFalse()
    {
        Assert.True(Client([]).RequiresConsent);
        Assert.False(new OAuthClient { ClientId = "own", FirstParty = true }.RequiresConsent);
        Assert.False(new OAuthClient { ClientId = "dept", Kind = ClientKind.Department }.RequiresConsent);
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
