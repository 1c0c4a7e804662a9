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
    public async Task Authenticate_WhenLocalMode_ReturnsLocalCallerWithoutHeader()
    {
        var authenticator = new CallerAuthenticator(AuthMode.Local, null, new VerifiedTokenCache(10, _clock));

        var outcome = await authenticator.AuthenticateAsync(null, DecisionScopes.Explain, CancellationToken.None);

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
    public async Task Authenticate_WhenHeaderIsNotABearerToken_Unauthenticated(string? header)
    {
        var outcome = await Bearer().AuthenticateAsync(header, DecisionScopes.Check, CancellationToken.None);

        Assert.Null(outcome.Caller);
        Assert.Equal(ErrorCode.DecisionUnauthenticated, outcome.Error?.Code);
        Assert.False(outcome.IsForbidden);
        Assert.Equal(0, _verifier.Verifications);
    }

    [Fact]
    public async Task Authenticate_WhenHeaderIsTooLong_UnauthenticatedWithoutVerifying()
    {
        var outcome = await Bearer().AuthenticateAsync("Bearer " + new string('a', CallerAuthenticator.MaxTokenLength), DecisionScopes.Check, CancellationToken.None);

        Assert.Equal(ErrorCode.DecisionUnauthenticated, outcome.Error?.Code);
        Assert.Contains("longer than", outcome.Error!.Detail, StringComparison.Ordinal);
        Assert.Equal(0, _verifier.Verifications);
    }

    [Fact]
    public async Task Authenticate_WhenTokenDoesNotVerify_UnauthenticatedWithVerifierCode()
    {
        var outcome = await Bearer().AuthenticateAsync("Bearer " + Token, DecisionScopes.Check, CancellationToken.None);

        Assert.Equal(ErrorCode.DecisionUnauthenticated, outcome.Error?.Code);
        Assert.StartsWith("GAZ3001", outcome.Error!.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bearer ")]
    [InlineData("bearer ")]
    [InlineData("BEARER ")]
    public async Task Authenticate_WhenSchemeInAnyCase_Succeeds(string prefix)
    {
        _verifier.Accept(Token, CallerWith("t1", DecisionScopes.Check));

        var outcome = await Bearer().AuthenticateAsync(prefix + Token, DecisionScopes.Check, CancellationToken.None);

        Assert.Equal("pep-app", outcome.Caller?.ClientId);
    }

    [Fact]
    public async Task Authenticate_WhenSameTokenTwice_VerifiesOnce()
    {
        _verifier.Accept(Token, CallerWith("t1", DecisionScopes.Check));
        var authenticator = Bearer();

        var first = await authenticator.AuthenticateAsync("Bearer " + Token, DecisionScopes.Check, CancellationToken.None);
        var second = await authenticator.AuthenticateAsync("Bearer " + Token, DecisionScopes.Check, CancellationToken.None);

        Assert.True(first.Succeeded);
        Assert.Same(first.Caller, second.Caller);
        Assert.Equal(1, _verifier.Verifications);
    }

    [Fact]
    public void Authenticate_WhenTokenCached_AllocatesNothing()
    {
        _verifier.Accept(Token, CallerWith("t1", DecisionScopes.Check));
        var authenticator = Bearer();
        var header = "Bearer " + Token;
        var warm = authenticator.AuthenticateAsync(header, DecisionScopes.Check, CancellationToken.None);
        Assert.True(warm.IsCompletedSuccessfully);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            var outcome = authenticator.AuthenticateAsync(header, DecisionScopes.Check, CancellationToken.None);
            Assert.True(outcome.IsCompletedSuccessfully);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1, _verifier.Verifications);
    }

    [Fact]
    public async Task Authenticate_WhenCachedTokenIsRevoked_UnauthenticatedAtOnce()
    {
        _verifier.Accept(Token, CallerWith("t1", DecisionScopes.Check));
        var authenticator = Bearer();
        Assert.True((await authenticator.AuthenticateAsync("Bearer " + Token, DecisionScopes.Check, CancellationToken.None)).Succeeded);

        _verifier.Revoke("t1");
        var outcome = await authenticator.AuthenticateAsync("Bearer " + Token, DecisionScopes.Check, CancellationToken.None);

        Assert.Equal(ErrorCode.DecisionUnauthenticated, outcome.Error?.Code);
        Assert.Contains("revoked", outcome.Error!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_WhenRevokedBeforeFirstUse_Unauthenticated()
    {
        _verifier.Accept(Token, CallerWith("t1", DecisionScopes.Check));
        _verifier.Revoke("t1");

        var outcome = await Bearer().AuthenticateAsync("Bearer " + Token, DecisionScopes.Check, CancellationToken.None);

        Assert.Equal(ErrorCode.DecisionUnauthenticated, outcome.Error?.Code);
    }

    [Fact]
    public async Task Authenticate_WhenCachedTokenExpires_VerifiesAgain()
    {
        _verifier.Accept(Token, CallerWith("t1", DecisionScopes.Check));
        var authenticator = Bearer();
        await authenticator.AuthenticateAsync("Bearer " + Token, DecisionScopes.Check, CancellationToken.None);

        _clock.Now = Start.AddMinutes(10);
        await authenticator.AuthenticateAsync("Bearer " + Token, DecisionScopes.Check, CancellationToken.None);

        // The cache let go of the expired entry; the verifier (which checks exp itself) is asked again.
        Assert.Equal(2, _verifier.Verifications);
    }

    [Fact]
    public async Task Authenticate_WhenScopeMissing_Forbidden()
    {
        _verifier.Accept(Token, CallerWith("t1", DecisionScopes.Check));

        var outcome = await Bearer().AuthenticateAsync("Bearer " + Token, DecisionScopes.Explain, CancellationToken.None);

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
