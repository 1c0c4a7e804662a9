using GovAuthZ.Tokens.Authorization;
using GovAuthZ.Core.Errors;

namespace GovAuthZ.Tokens.Tests.Authorization;

public sealed class InteractionParametersTests
{
    [Theory]
    [InlineData(null, false, false, false)]
    [InlineData("", false, false, false)]
    [InlineData("none", true, false, false)]
    [InlineData("login", false, true, false)]
    [InlineData("consent", false, false, true)]
    [InlineData("login consent", false, true, true)]
    [InlineData(" consent  login ", false, true, true)]
    public void Parse_WhenPromptValid_SetsTheFlags(string? prompt, bool none, bool login, bool consent)
    {
        var parsed = InteractionParameters.Parse(prompt, null, out var code);

        Assert.Equal(ErrorCode.None, code);
        Assert.Equal((none, login, consent), (parsed.None, parsed.Login, parsed.Consent));
    }

    [Theory]
    [InlineData("none login", ErrorCode.AuthorizationPromptInvalid)]
    [InlineData("consent none", ErrorCode.AuthorizationPromptInvalid)]
    [InlineData("login login", ErrorCode.AuthorizationPromptInvalid)]
    [InlineData("Login", ErrorCode.AuthorizationPromptInvalid)]
    [InlineData("select_account", ErrorCode.AuthorizationPromptUnsupported)]
    [InlineData("login select_account", ErrorCode.AuthorizationPromptUnsupported)]
    public void Parse_WhenPromptInvalid_ReturnsTheCode(string prompt, ErrorCode expected)
    {
        InteractionParameters.Parse(prompt, null, out var code);

        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("3600", 3600)]
    public void Parse_WhenMaxAgeValid_IsSeconds(string maxAge, int seconds)
    {
        var parsed = InteractionParameters.Parse(null, maxAge, out var code);

        Assert.Equal(ErrorCode.None, code);
        Assert.Equal(TimeSpan.FromSeconds(seconds), parsed.MaxAge);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("+5")]
    [InlineData("abc")]
    [InlineData("99999999999999999999")]
    public void Parse_WhenMaxAgeMalformed_IsRefused(string maxAge)
    {
        InteractionParameters.Parse(null, maxAge, out var code);

        Assert.Equal(ErrorCode.AuthorizationMaxAgeInvalid, code);
    }
}
