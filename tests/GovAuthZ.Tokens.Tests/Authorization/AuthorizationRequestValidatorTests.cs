using GovAuthZ.Core.Errors;

namespace GovAuthZ.Tokens.Tests.Authorization;

public sealed class AuthorizationRequestValidatorTests : IAsyncLifetime
{
    private AuthorizationCodeFixture _f = null!;

    public async Task InitializeAsync() => _f = await AuthorizationCodeFixture.CreateAsync();

    public Task DisposeAsync()
    {
        _f.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ValidateAsync_WhenRequestValid_KeepsStateNonceChallengeAndScopes()
    {
        var result = await _f.Validator.ValidateAsync(AuthorizationCodeFixture.AuthorizeQuery(), default);

        Assert.True(result.Succeeded);
        var request = result.Request!;
        Assert.Equal("st-123", request.State);
        Assert.Equal("n-456", request.Nonce);
        Assert.Equal(AuthorizationCodeFixture.Challenge, request.CodeChallenge);
        Assert.Equal(["openid", "decision:check"], request.Scopes);
        Assert.Equal(AuthorizationCodeFixture.Redirect, request.RedirectUri);
    }

    [Theory]
    [InlineData("https://portal.example.gov/callback/")]
    [InlineData("https://portal.example.gov:8443/callback")]
    [InlineData("HTTPS://portal.example.gov/callback")]
    [InlineData("https://PORTAL.example.gov/callback")]
    [InlineData("https://portal.example.gov@evil.example/callback")]
    [InlineData("https://evil.example@portal.example.gov/callback")]
    [InlineData("https://portal.example.gov/callback/..;/evil")]
    [InlineData("https://portal.example.gov/x/../callback")]
    [InlineData("https://portal.example.gov/callback?x=1")]
    [InlineData("https://portal.example.gov/callback#f")]
    [InlineData("http://portal.example.gov/callback")]
    [InlineData("javascript:alert(1)//https://portal.example.gov/callback")]
    [InlineData("https://portal.example.gov/Callback")]
    [InlineData("https://portal.example.gov/%63allback")]
    [InlineData(" https://portal.example.gov/callback")]
    public async Task ValidateAsync_WhenRedirectUriNotExactlyRegistered_RefusesWithoutRedirect(string redirectUri)
    {
        var result = await _f.Validator.ValidateAsync(AuthorizationCodeFixture.AuthorizeQuery(("redirect_uri", redirectUri)), default);

        Assert.False(result.Succeeded);
        Assert.False(result.MayRedirect);
        Assert.Null(result.RedirectUri);
        Assert.Equal(ErrorCode.AuthorizationRedirectUriInvalid, result.Error!.Value.Code);
    }

    [Fact]
    public async Task ValidateAsync_WhenRedirectUriIsAnotherClientsRegisteredUri_RefusesWithoutRedirect()
    {
        var result = await _f.Validator.ValidateAsync(AuthorizationCodeFixture.AuthorizeQuery(("redirect_uri", AuthorizationCodeFixture.OtherRedirect)), default);

        Assert.False(result.MayRedirect);
        Assert.Equal(ErrorCode.AuthorizationRedirectUriInvalid, result.Error!.Value.Code);
    }

    [Theory]
    [InlineData("unknown-client")]
    [InlineData(null)]
    public async Task ValidateAsync_WhenClientUnknownOrMissing_RefusesWithoutRedirect(string? clientId)
    {
        var result = await _f.Validator.ValidateAsync(AuthorizationCodeFixture.AuthorizeQuery(("client_id", clientId!)), default);

        Assert.False(result.MayRedirect);
        Assert.Equal(ErrorCode.AuthorizationClientUnknown, result.Error!.Value.Code);
    }

    [Fact]
    public async Task ValidateAsync_WhenRedirectUriMissing_RefusesWithoutRedirect()
    {
        var result = await _f.Validator.ValidateAsync(AuthorizationCodeFixture.AuthorizeQuery(("redirect_uri", null!)), default);

        Assert.False(result.MayRedirect);
        Assert.Equal(ErrorCode.AuthorizationRedirectUriInvalid, result.Error!.Value.Code);
    }

    [Fact]
    public async Task ValidateAsync_WhenParameterRepeated_RefusesWithoutRedirect()
    {
        var query = AuthorizationCodeFixture.AuthorizeQuery();
        query.Add(KeyValuePair.Create("redirect_uri", "https://evil.example/cb"));

        var result = await _f.Validator.ValidateAsync(query, default);

        Assert.False(result.MayRedirect);
        Assert.Equal(ErrorCode.AuthorizationRequestMalformed, result.Error!.Value.Code);
    }

    [Theory]
    [InlineData("code_challenge", null, ErrorCode.AuthorizationPkceRequired)]
    [InlineData("code_challenge_method", null, ErrorCode.AuthorizationPkceRequired)]
    [InlineData("code_challenge_method", "plain", ErrorCode.AuthorizationPkceRequired)]
    [InlineData("code_challenge_method", "s256", ErrorCode.AuthorizationPkceRequired)]
    [InlineData("code_challenge", "too-short", ErrorCode.AuthorizationPkceRequired)]
    [InlineData("response_type", "token", ErrorCode.AuthorizationResponseTypeUnsupported)]
    [InlineData("response_type", "code id_token", ErrorCode.AuthorizationResponseTypeUnsupported)]
    [InlineData("response_type", null, ErrorCode.AuthorizationResponseTypeUnsupported)]
    [InlineData("scope", "openid audit:read", ErrorCode.ScopeNotAllowed)]
    [InlineData("scope", "openid no-such-scope", ErrorCode.ScopeUnknown)]
    public async Task ValidateAsync_WhenClientAndRedirectTrustedButRequestBad_RedirectsErrorWithState(string name, string? value, ErrorCode expected)
    {
        var result = await _f.Validator.ValidateAsync(AuthorizationCodeFixture.AuthorizeQuery((name, value!)), default);

        Assert.False(result.Succeeded);
        Assert.True(result.MayRedirect);
        Assert.Equal(AuthorizationCodeFixture.Redirect, result.RedirectUri);
        Assert.Equal("st-123", result.State);
        Assert.Equal(expected, result.Error!.Value.Code);
    }
}
