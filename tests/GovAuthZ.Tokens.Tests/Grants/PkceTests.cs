using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Grants;

namespace GovAuthZ.Tokens.Tests.Grants;

public sealed class PkceTests
{
    // RFC 7636 Appendix B.
    private const string Verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private const string Challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    [Fact]
    public void CreateChallenge_WhenRfc7636Example_MatchesTheAppendix()
    {
        Assert.Equal(Challenge, Pkce.CreateChallenge(Verifier));
        Assert.True(Pkce.IsValidChallenge(Challenge));
    }

    [Fact]
    public void Verify_WhenVerifierMatches_ReturnsNone()
    {
        Assert.Equal(ErrorCode.None, Pkce.Verify(Verifier, Challenge, "S256"));
    }

    [Fact]
    public void Verify_WhenVerifierDiffers_ReturnsMismatch()
    {
        Assert.Equal(ErrorCode.PkceVerifierMismatch, Pkce.Verify(Verifier[..^1] + "l", Challenge, "S256"));
    }

    [Fact]
    public void Verify_WhenMethodPlain_IsRefusedEvenIfVerifierEqualsChallenge()
    {
        Assert.Equal(ErrorCode.PkceMethodUnsupported, Pkce.Verify(Verifier, Verifier, "plain"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("short")]
    [InlineData("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjX")] // 42 characters
    [InlineData("dBjftJeZ4CVP+mB92K27uhbUJU1p1r/wW1gFWFOEjXk")] // outside the unreserved set
    public void Verify_WhenVerifierMalformed_ReturnsMalformed(string? verifier)
    {
        Assert.Equal(ErrorCode.PkceVerifierMalformed, Pkce.Verify(verifier, Challenge, "S256"));
    }

    [Fact]
    public void IsValidVerifier_WhenAt128Or129Characters_AcceptsOnlyTheFirst()
    {
        Assert.True(Pkce.IsValidVerifier(new string('~', 128)));
        Assert.False(Pkce.IsValidVerifier(new string('~', 129)));
    }
}
