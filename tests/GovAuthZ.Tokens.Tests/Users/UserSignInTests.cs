using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Issuance;
using GovAuthZ.Tokens.Users;

namespace GovAuthZ.Tokens.Tests.Users;

public sealed class UserSignInTests
{
    private readonly UserSignIn _signIn = new(new InMemoryUserStore(DevelopmentUsers.Create()));

    [Fact]
    public async Task SignInAsync_WhenPasswordCorrect_ReturnsTheUser()
    {
        var user = await _signIn.SignInAsync(DevelopmentUsers.WangId, DevelopmentUsers.WangPassword, default);

        Assert.NotNull(user);
        Assert.Equal(UserKind.Official, user.Kind);
        Assert.Equal("civil_affairs_nj", user.Official!.Department);
    }

    [Theory]
    [InlineData(DevelopmentUsers.WangId, "wrong")]
    [InlineData(DevelopmentUsers.WangId, "")]
    [InlineData(DevelopmentUsers.WangId, null)]
    [InlineData("official:nobody", DevelopmentUsers.WangPassword)]
    [InlineData(null, DevelopmentUsers.WangPassword)]
    [InlineData(DevelopmentUsers.ZhangId, DevelopmentUsers.WangPassword)]
    public async Task SignInAsync_WhenIdOrPasswordWrong_ReturnsNull(string? userId, string? password)
    {
        Assert.Null(await _signIn.SignInAsync(userId, password, default));
    }

    [Fact]
    public void Hash_WhenCalled_NeverContainsThePassword()
    {
        var hash = UserPasswords.Hash(DevelopmentUsers.ZhangPassword);

        Assert.DoesNotContain(DevelopmentUsers.ZhangPassword, hash, StringComparison.Ordinal);
        Assert.NotEqual(hash, UserPasswords.Hash(DevelopmentUsers.ZhangPassword));
    }

    [Fact]
    public void Validate_WhenCitizenHasOfficialAttributes_Throws()
    {
        var user = new UserAccount { UserId = "citizen:x", PasswordHash = "h", Official = new OfficialAttributes { Department = "d" } };

        var ex = Assert.Throws<GovAuthZException>(user.Validate);
        Assert.Equal(ErrorCode.UserRecordInvalid, ex.Code);
    }

    [Theory]
    [InlineData("wang")]
    [InlineData("official:")]
    [InlineData("admin:root")]
    public void Validate_WhenIdHasNoKnownPrefix_Throws(string userId)
    {
        var user = new UserAccount { UserId = userId, PasswordHash = "h", Official = new OfficialAttributes { Department = "d" } };

        Assert.Throws<GovAuthZException>(user.Validate);
    }
}
