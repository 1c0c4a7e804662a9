using GovAuthZ.Tokens.Issuance;
using GovAuthZ.Tokens.Tests.Fakes;
using GovAuthZ.Tokens.Validation;

namespace GovAuthZ.Tokens.Tests.Validation;

public sealed class IdTokenHintValidatorTests : IAsyncLifetime
{
    private TokenFixture _f = null!;

    public async Task InitializeAsync() => _f = await TokenFixture.CreateAsync();

    public Task DisposeAsync()
    {
        _f.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ValidateAsync_WhenOurIdToken_ReturnsSubjectClientAndSid()
    {
        var token = IdToken("sid-1");

        var hint = await new IdTokenHintValidator(_f.Options, _f.Ring).ValidateAsync(token);

        Assert.Equal(new IdTokenHint("citizen:zhang", "portal", "sid-1"), hint);
        Assert.Equal("sid-1", JwtForge.Decode(token).Payload["sid"]!.GetValue<string>());
    }

    [Fact]
    public async Task ValidateAsync_WhenExpired_StillAccepted()
    {
        var token = IdToken(null);
        _f.Time.Advance(TimeSpan.FromDays(1));

        var hint = await new IdTokenHintValidator(_f.Options, _f.Ring).ValidateAsync(token);

        Assert.NotNull(hint);
        Assert.Null(hint.SessionId);
    }

    [Fact]
    public async Task ValidateAsync_WhenAccessTokenOrTamperedOrGarbage_ReturnsNull()
    {
        var validator = new IdTokenHintValidator(_f.Options, _f.Ring);
        var parts = IdToken("sid-1").Split('.');

        Assert.Null(await validator.ValidateAsync(_f.IssueOfficialToken().Token));
        Assert.Null(await validator.ValidateAsync(parts[0] + "." + parts[1][..^2] + "AA." + parts[2]));
        Assert.Null(await validator.ValidateAsync("not-a-jwt"));
        Assert.Null(await validator.ValidateAsync(null));
    }

    [Fact]
    public async Task ValidateAsync_WhenIssuerDiffers_ReturnsNull()
    {
        var options = TokenFixture.DefaultOptions();
        options.Issuer = "https://other.example.gov";

        var hint = await new IdTokenHintValidator(options, _f.Ring).ValidateAsync(IdToken("sid-1"));

        Assert.Null(hint);
    }

    private string IdToken(string? sid) => _f.IdTokens.Issue(new IdTokenDescriptor
    {
        Subject = "citizen:zhang",
        ClientId = "portal",
        AuthTime = _f.Time.GetUtcNow(),
        SessionId = sid,
    }).Token;
}
