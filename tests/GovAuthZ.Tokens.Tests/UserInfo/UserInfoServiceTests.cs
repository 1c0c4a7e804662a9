using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Errors;
using GovAuthZ.Tokens.Issuance;
using GovAuthZ.Tokens.Tests.Fakes;
using GovAuthZ.Tokens.UserInfo;
using GovAuthZ.Tokens.Users;

namespace GovAuthZ.Tokens.Tests.UserInfo;

public sealed class UserInfoServiceTests : IAsyncLifetime
{
    private TokenFixture _tokens = null!;
    private InMemoryUserStore _users = null!;
    private UserInfoService _service = null!;

    public async Task InitializeAsync()
    {
        _tokens = await TokenFixture.CreateAsync();
        _users = new InMemoryUserStore(DevelopmentUsers.Create());
        _service = new UserInfoService(_tokens.Validator, _users);
    }

    public Task DisposeAsync()
    {
        _tokens.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task GetAsync_WhenOfficialWithoutProfile_ReturnsSubAndCurrentAttributesWithoutName()
    {
        var result = await _service.GetAsync(Issue(DevelopmentUsers.LiId, "openid"));

        var claims = result.Claims!;
        Assert.Equal(DevelopmentUsers.LiId, claims["sub"]);
        Assert.False(claims.ContainsKey("name"));
        Assert.Equal("civil_affairs_gc", claims["department"]);
        Assert.Equal(["role:caseworker", "role:assistance-reviewer"], (IReadOnlyList<string>)claims["roles"]);
        Assert.Equal(4, claims["level"]);
        Assert.Equal("320118", claims["region"]);
    }

    [Fact]
    public async Task GetAsync_WhenCitizenWithProfile_ReturnsSubAndNameOnly()
    {
        var result = await _service.GetAsync(Issue(DevelopmentUsers.ZhangId, "openid", "profile"));

        Assert.Equal(["name", "sub"], result.Claims!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetAsync_WhenClientToken_FailsInvalidToken()
    {
        var result = await _service.GetAsync(Issue("tax-app", "openid"));

        Assert.Equal(ErrorCode.UserInfoSubjectNotUser, result.Error!.Value.Code);
        Assert.Equal(401, result.Error.Value.HttpStatus);
    }

    [Fact]
    public async Task GetAsync_WhenNoOpenidScope_FailsInsufficientScope()
    {
        var result = await _service.GetAsync(Issue(DevelopmentUsers.WangId, "decision:check"));

        Assert.Equal(OAuthErrors.InsufficientScope, result.Error!.Value.Error);
        Assert.Equal(403, result.Error.Value.HttpStatus);
    }

    [Fact]
    public async Task GetAsync_WhenUserUnknownOrTokenMissing_FailsInvalidToken()
    {
        var unknown = await _service.GetAsync(Issue("official:gone", "openid"));
        var missing = await _service.GetAsync(null);

        Assert.Equal(ErrorCode.UserInfoUserUnknown, unknown.Error!.Value.Code);
        Assert.Equal(ErrorCode.AccessTokenMissing, missing.Error!.Value.Code);
        Assert.Equal(OAuthErrors.InvalidToken, missing.Error.Value.Error);
    }

    private string Issue(string subject, params string[] scopes) =>
        _tokens.AccessTokens.Issue(new AccessTokenDescriptor { Subject = subject, ClientId = subject.Contains(':', StringComparison.Ordinal) ? "portal" : subject, Scopes = scopes }).Token;
}
