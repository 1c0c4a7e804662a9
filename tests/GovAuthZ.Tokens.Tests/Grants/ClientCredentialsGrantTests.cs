using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Clients;
using GovAuthZ.Tokens.Errors;
using GovAuthZ.Tokens.Grants;
using GovAuthZ.Tokens.Tests.Fakes;

namespace GovAuthZ.Tokens.Tests.Grants;

public sealed class ClientCredentialsGrantTests : IAsyncLifetime, IDisposable
{
    private readonly ClientFixture _clients = new();
    private TokenFixture _tokens = null!;
    private TokenRequestPipeline _pipeline = null!;

    public async Task InitializeAsync()
    {
        _tokens = await TokenFixture.CreateAsync();
        _pipeline = TokenRequestPipeline.CreateDefault(_tokens.Options, _clients.Authenticator, _tokens.AccessTokens);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _tokens.Dispose();
        _clients.Dispose();
    }

    [Fact]
    public async Task ProcessAsync_WhenClientCredentialsValid_IssuesTokenForTheClientItself()
    {
        var result = await Process(Basic(ClientFixture.SecretClientId), ("grant_type", "client_credentials"), ("scope", "decision:check"));

        Assert.True(result.Succeeded, result.Error?.Description);
        var response = result.Response!;
        Assert.Equal("Bearer", response.TokenType);
        Assert.Equal(600, response.ExpiresIn);
        Assert.Equal("decision:check", response.Scope);
        var validated = await _tokens.Validator.ValidateAsync(response.AccessToken);
        Assert.True(validated.IsValid);
        Assert.Equal(ClientFixture.SecretClientId, validated.Token!.Subject);
        Assert.Equal(ClientFixture.SecretClientId, validated.Token.ClientId);
        Assert.Null(validated.Token.Official);
        Assert.Equal(200, result.HttpStatus);
        Assert.Equal(validated.Token.TokenId, result.IssuedAccessToken!.TokenId);
    }

    [Fact]
    public async Task ProcessAsync_WhenNoScopeRequested_GrantsTheClientsAllowedScopes()
    {
        var result = await Process(Basic(ClientFixture.SecretClientId), ("grant_type", "client_credentials"));

        Assert.Equal("decision:check consent:read", result.Response!.Scope);
    }

    [Fact]
    public async Task ProcessAsync_WhenSomeRequestedScopesNotAllowed_NarrowsToTheAllowedOnes()
    {
        var result = await Process(Basic(ClientFixture.SecretClientId), ("grant_type", "client_credentials"), ("scope", "audit:read decision:check"));

        Assert.Equal("decision:check", result.Response!.Scope);
        var validated = await _tokens.Validator.ValidateAsync(result.Response.AccessToken);
        Assert.Equal(["decision:check"], validated.Token!.Scopes);
    }

    [Fact]
    public async Task ProcessAsync_WhenNoRequestedScopeAllowed_FailsInvalidScope()
    {
        var result = await Process(Basic(ClientFixture.SecretClientId), ("grant_type", "client_credentials"), ("scope", "audit:read"));

        Assert.Equal(ErrorCode.ScopeNotAllowed, result.Code);
        Assert.Equal(OAuthErrors.InvalidScope, result.Error!.Value.Error);
    }

    [Fact]
    public async Task ProcessAsync_WhenScopeUnknownToServer_FailsInvalidScope()
    {
        var result = await Process(Basic(ClientFixture.SecretClientId), ("grant_type", "client_credentials"), ("scope", "decision:check admin:everything"));

        Assert.Equal(ErrorCode.ScopeUnknown, result.Code);
        Assert.Equal(OAuthErrors.InvalidScope, result.Error!.Value.Error);
    }

    [Theory]
    [InlineData(" decision:check")]
    [InlineData("decision:check  consent:read")]
    [InlineData("decision\"check")]
    public async Task ProcessAsync_WhenScopeMalformed_FailsInvalidScope(string scope)
    {
        var result = await Process(Basic(ClientFixture.SecretClientId), ("grant_type", "client_credentials"), ("scope", scope));

        Assert.Equal(ErrorCode.ScopeMalformed, result.Code);
    }

    [Fact]
    public async Task ProcessAsync_WhenDepartmentClient_TokenCarriesDepartmentRegionAndLevel()
    {
        var result = await Process(Basic(ClientFixture.DepartmentClientId), ("grant_type", "client_credentials"));

        var official = (await _tokens.Validator.ValidateAsync(result.Response!.AccessToken)).Token!.Official!;
        Assert.Equal("civil-affairs", official.Department);
        Assert.Equal("320100", official.Region);
        Assert.Equal(3, official.Level);
        Assert.Empty(official.Roles);
        Assert.Null(official.Clearance);
    }

    [Fact]
    public async Task ProcessAsync_WhenPrivateKeyJwtClient_IssuesToken()
    {
        var result = await Process(null, ("grant_type", "client_credentials"), ("client_assertion_type", ClientAuthenticationMethods.JwtBearerAssertionType), ("client_assertion", _clients.Assertion()));

        Assert.True(result.Succeeded, result.Error?.Description);
        Assert.Equal(ClientFixture.KeyClientId, result.Client!.ClientId);
    }

    [Theory]
    [InlineData("password")]
    [InlineData("implicit")]
    [InlineData("urn:ietf:params:oauth:grant-type:device_code")]
    [InlineData("authorization_code")]
    public async Task ProcessAsync_WhenGrantNotImplemented_FailsUnsupportedGrantType(string grantType)
    {
        var result = await Process(Basic(ClientFixture.SecretClientId), ("grant_type", grantType), ("username", "u"), ("password", "p"));

        Assert.Equal(ErrorCode.GrantTypeUnsupported, result.Code);
        Assert.Equal(OAuthErrors.UnsupportedGrantType, result.Error!.Value.Error);
        Assert.Equal(400, result.HttpStatus);
    }

    [Fact]
    public async Task ProcessAsync_WhenGrantTypeMissing_FailsInvalidRequest()
    {
        var result = await Process(Basic(ClientFixture.SecretClientId), ("scope", "decision:check"), ("grant_type", ""));

        Assert.Equal(ErrorCode.TokenRequestMissingParameter, result.Code);
        Assert.Equal(OAuthErrors.InvalidRequest, result.Error!.Value.Error);
    }

    [Fact]
    public async Task ProcessAsync_WhenParameterRepeated_FailsInvalidRequest()
    {
        var result = await Process(Basic(ClientFixture.SecretClientId), ("grant_type", "client_credentials"), ("scope", "decision:check"), ("scope", "consent:read"));

        Assert.Equal(ErrorCode.TokenRequestDuplicateParameter, result.Code);
        Assert.Equal(OAuthErrors.InvalidRequest, result.Error!.Value.Error);
    }

    [Fact]
    public async Task ProcessAsync_WhenClientNotRegisteredForGrant_FailsUnauthorizedClient()
    {
        _clients.Store.Add(new OAuthClient
        {
            ClientId = "code-only",
            AuthenticationMethods = [ClientAuthenticationMethods.ClientSecretBasic],
            SecretHashes = [ClientSecretHasher.Hash(ClientFixture.Secret)],
            GrantTypes = [GrantTypes.AuthorizationCode],
            Scopes = ["decision:check"],
        });

        var result = await Process(Basic("code-only"), ("grant_type", "client_credentials"));

        Assert.Equal(ErrorCode.GrantTypeNotAllowed, result.Code);
        Assert.Equal(OAuthErrors.UnauthorizedClient, result.Error!.Value.Error);
    }

    [Fact]
    public async Task ProcessAsync_WhenClientAuthenticationFails_Returns401WithBasicChallengeFlag()
    {
        var result = await Process("Basic " + Convert.ToBase64String("reports:wrong-secret"u8.ToArray()), ("grant_type", "client_credentials"));

        Assert.Equal(OAuthErrors.InvalidClient, result.Error!.Value.Error);
        Assert.Equal(401, result.HttpStatus);
        Assert.True(result.UsedBasicScheme);
        Assert.Null(result.Client);
    }

    [Fact]
    public async Task ProcessAsync_WhenPublicClientAsksForClientCredentials_FailsUnauthorizedClient()
    {
        var result = await Process(null, ("grant_type", "client_credentials"), ("client_id", ClientFixture.PublicClientId));

        Assert.Equal(OAuthErrors.UnauthorizedClient, result.Error!.Value.Error);
    }

    [Fact]
    public void SupportedGrantTypes_WhenDefault_IsClientCredentialsOnly()
    {
        Assert.Equal(["client_credentials"], _pipeline.SupportedGrantTypes);
    }

    [Fact]
    public async Task ProcessAsync_WhenSuccessfulResponseSerialised_HasRfc6749MemberNames()
    {
        var result = await Process(Basic(ClientFixture.SecretClientId), ("grant_type", "client_credentials"));

        var json = System.Text.Json.JsonSerializer.Serialize(result.Response);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var names = doc.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["access_token", "expires_in", "scope", "token_type"], names);
        var error = System.Text.Json.JsonSerializer.Serialize(TokenErrorResponse.From(TokenError.From(ErrorCode.ScopeUnknown)));
        Assert.Equal("""{"error":"invalid_scope","error_description":"scope names an unknown value"}""", error);
    }

    private static string Basic(string clientId) => ClientFixture.BasicHeader(clientId, ClientFixture.Secret);

    private ValueTask<TokenEndpointResult> Process(string? authorization, params (string Name, string Value)[] form) =>
        _pipeline.ProcessAsync(new TokenEndpointRequest
        {
            AuthorizationHeader = authorization,
            Form = form.Select(p => KeyValuePair.Create(p.Name, p.Value)).ToList(),
        });
}
