using GovAuthZ.Core.Errors;
using GovAuthZ.Server.Authentication;
using GovAuthZ.Server.Configuration;

namespace GovAuthZ.Server.IntegrationTests.Authentication;

public sealed class CallerAuthenticatorTests
{
    private const string Token = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhcHAifQ.c2ln";
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private readonly SettableClock _clock = new(Start);
    private readonly CountingVerifier _verifier = new();

    [Fact]
    public void Authenticate_WhenLocalMode_ReturnsLocalCallerWithoutHeader()
    {
        var authenticator = new CallerAuthenticator(AuthMode.Local, null, new VerifiedTokenCache(10, _clock));

        var outcome = authenticator.Authenticate(null, DecisionScopes.Explain);

        Assert.Same(Caller.Local, outcome.Caller);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Bearer a b")]
    [InlineData("Bearer a\"b")]
    [InlineData("Bearer =abc")]
    [InlineData("Bearertoken")]
    public void Authenticate_WhenHeaderIsNotABearerToken_Unauthenticated(string? header)
    {
        var outcome = Bearer().Authenticate(header, DecisionScopes.Check);

        Assert.Null(outcome.Caller);
        Assert.Equal(ErrorCode.DecisionUnauthenticated, outcome.Error?.Code);
        Assert.False(outcome.IsForbidden);
        Assert.Equal(0, _verifier.Verifications);
    }

    [Fact]
    public void Authenticate_WhenHeaderIsTooLong_UnauthenticatedWithoutVerifying()
    {
        var outcome = Bearer().Authenticate("Bearer " + new string('a', CallerAuthenticator.MaxTokenLength), DecisionScopes.Check);

        Assert.Equal(ErrorCode.DecisionUnauthenticated, outcome.Error?.Code);
        Assert.Contains("longer than", outcome.Error!.Detail, StringComparison.Ordinal);
        Assert.Equal(0, _verifier.Verifications);
    }

    [Fact]
    public void Authenticate_WhenTokenDoesNotVerify_UnauthenticatedWithVerifierCode()
    {
        var outcome = Bearer().Authenticate("Bearer " + Token, DecisionScopes.Check);

        Assert.Equal(ErrorCode.DecisionUnauthenticated, outcome.Error?.Code);
        Assert.StartsWith("GAZ3001", outcome.Error!.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bearer ")]
    [InlineData("bearer ")]
    [InlineData("BEARER ")]
    public void Authenticate_WhenSchemeInAnyCase_Succeeds(string prefix)
    {
        _verifier.Accept(Token, CallerWith("t1", DecisionScopes.Check));

        var outcome = Bearer().Authenticate(prefix + Token, DecisionScopes.Check);

        Assert.Equal("pep-app", outcome.Caller?.ClientId);
    }

    [Fact]
    public void Authenticate_WhenSameTokenTwice_VerifiesOnce()
    {
        _verifier.Accept(Token, CallerWith("t1", DecisionScopes.Check));
        var authenticator = Bearer();

        var first = authenticator.Authenticate("Bearer " + Token, DecisionScopes.Check);
        var second = authenticator.Authenticate("Bearer " + Token, DecisionScopes.Check);

        Assert.True(first.Succeeded);
        Assert.Same(first.Caller, second.Caller);
        Assert.Equal(1, _verifier.Verifications);
    }

    [Fact]
    public void Authenticate_WhenCachedTokenIsRevoked_UnauthenticatedAtOnce()
    {
        _verifier.Accept(Token, CallerWith("t1", DecisionScopes.Check));
        var authenticator = Bearer();
        Assert.True(authenticator.Authenticate("Bearer " + Token, DecisionScopes.Check).Succeeded);

        _verifier.Revoke("t1");
        var outcome = authenticator.Authenticate("Bearer " + Token, DecisionScopes.Check);

        Assert.Equal(ErrorCode.DecisionUnauthenticated, outcome.Error?.Code);
        Assert.Contains("revoked", outcome.Error!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Authenticate_WhenRevokedBeforeFirstUse_Unauthenticated()
    {
        _verifier.Accept(Token, CallerWith("t1", DecisionScopes.Check));
        _verifier.Revoke("t1");

        var outcome = Bearer().Authenticate("Bearer " + Token, DecisionScopes.Check);

        Assert.Equal(ErrorCode.DecisionUnauthenticated, outcome.Error?.Code);
    }

    [Fact]
    public void Authenticate_WhenCachedTokenExpires_VerifiesAgain()
    {
        _verifier.Accept(Token, CallerWith("t1", DecisionScopes.Check));
        var authenticator = Bearer();
        authenticator.Authenticate("Bearer " + Token, DecisionScopes.Check);

        _clock.Now = Start.AddMinutes(10);
        authenticator.Authenticate("Bearer " + Token, DecisionScopes.Check);

        // The cache let go of the expired entry; the verifier (which checks exp itself) is asked again.
        Assert.Equal(2, _verifier.Verifications);
    }

    [Fact]
    public void Authenticate_WhenScopeMissing_Forbidden()
    {
        _verifier.Accept(Token, CallerWith("t1", DecisionScopes.Check));

        var outcome = Bearer().Authenticate("Bearer " + Token, DecisionScopes.Explain);

        Assert.True(outcome.IsForbidden);
        Assert.Equal(ErrorCode.DecisionForbidden, outcome.Error?.Code);
        Assert.Equal(DecisionScopes.Explain, outcome.RequiredScope);
    }

    [Fact]
    public void Constructor_WhenBearerModeWithoutVerifier_Throws()
    {
        Assert.Throws<ArgumentException>(() => new CallerAuthenticator(AuthMode.Bearer, null, new VerifiedTokenCache(1, _clock)));
    }

    private CallerAuthenticator Bearer() => new(AuthMode.Bearer, _verifier, new VerifiedTokenCache(100, _clock));

    private static Caller CallerWith(string tokenId, params string[] scopes) =>
        new("pep-app", "pep-app", scopes, Start.AddMinutes(5), tokenId);
}
