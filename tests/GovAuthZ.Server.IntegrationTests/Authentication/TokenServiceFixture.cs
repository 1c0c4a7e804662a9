using GovAuthZ.Server.Authentication;
using GovAuthZ.Server.Configuration;
using GovAuthZ.Tokens;
using GovAuthZ.Tokens.Issuance;
using GovAuthZ.Tokens.Keys;
using GovAuthZ.Tokens.Validation;

namespace GovAuthZ.Server.IntegrationTests.Authentication;

/// <summary>The real token service core (in-memory key store) and a bearer-mode authenticator over it.</summary>
internal sealed class TokenServiceFixture : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private readonly InMemoryKeyProtector _protector = new();

    private TokenServiceFixture()
    {
        Options = new TokenOptions { Issuer = "http://127.0.0.1:8080", DefaultAudience = "govauthz" };
        Options.Validate();
        Ring = new SigningKeyRing(Options, new InMemorySigningKeyStore(), _protector, Clock);
        Revoked = new InMemoryRevokedTokens(Clock);
        Issuer = new AccessTokenIssuer(Options, Ring);
        Verifier = new TokenServiceVerifier(new AccessTokenValidator(Options, Ring, Revoked), Revoked);
        Authenticator = new CallerAuthenticator(AuthMode.Bearer, Verifier, new VerifiedTokenCache(100, Clock));
    }

    public SettableClock Clock { get; } = new(Start);

    public TokenOptions Options { get; }

    public SigningKeyRing Ring { get; }

    public InMemoryRevokedTokens Revoked { get; }

    public AccessTokenIssuer Issuer { get; }

    public TokenServiceVerifier Verifier { get; }

    public CallerAuthenticator Authenticator { get; }

    public static async Task<TokenServiceFixture> CreateAsync()
    {
        var fixture = new TokenServiceFixture();
        await fixture.Ring.InitializeAsync();
        return fixture;
    }

    public IssuedToken AppToken(string clientId, params string[] scopes) => Issuer.Issue(new AccessTokenDescriptor
    {
        Subject = clientId,
        ClientId = clientId,
        Scopes = scopes,
    });

    public IssuedToken OfficialToken(OfficialAttributes official, string subject = "official:wang") => Issuer.Issue(new AccessTokenDescriptor
    {
        Subject = subject,
        ClientId = "portal",
        Scopes = [DecisionScopes.Check],
        AuthTime = Clock.Now,
        Official = official,
    });

    public void Dispose()
    {
        Ring.Dispose();
        _protector.Dispose();
    }
}
