using GovAuthZ.Tokens.Issuance;
using GovAuthZ.Tokens.Keys;
using GovAuthZ.Tokens.Validation;

namespace GovAuthZ.Tokens.Tests.Fakes;

/// <summary>A key ring, issuers and a validator wired together over a manual clock.</summary>
public sealed class TokenFixture : IDisposable
{
    public const string Issuer = "https://auth.example.gov";
    public const string Audience = "govauthz";

    private TokenFixture(TokenOptions options, ManualTimeProvider time)
    {
        Options = options;
        Time = time;
        Protector = new InMemoryKeyProtector();
        Store = new InMemorySigningKeyStore();
        Ring = new SigningKeyRing(options, Store, Protector, time);
        Revoked = new InMemoryRevokedTokens(time);
        AccessTokens = new AccessTokenIssuer(options, Ring);
        IdTokens = new IdTokenIssuer(options, Ring);
        Validator = new AccessTokenValidator(options, Ring, Revoked);
    }

    public TokenOptions Options { get; }

    public ManualTimeProvider Time { get; }

    public InMemoryKeyProtector Protector { get; }

    public InMemorySigningKeyStore Store { get; }

    public SigningKeyRing Ring { get; }

    public InMemoryRevokedTokens Revoked { get; }

    public AccessTokenIssuer AccessTokens { get; }

    public IdTokenIssuer IdTokens { get; }

    public AccessTokenValidator Validator { get; }

    public static TokenOptions DefaultOptions(string algorithm = SigningAlgorithms.ES256) => new()
    {
        Issuer = Issuer,
        DefaultAudience = Audience,
        SigningAlgorithm = algorithm,
        AccessTokenLifetime = TimeSpan.FromMinutes(10),
        IdTokenLifetime = TimeSpan.FromMinutes(5),
        ClockSkew = TimeSpan.FromSeconds(30),
        KeyPublishLeadTime = TimeSpan.FromHours(1),
        KeyRotationInterval = TimeSpan.FromDays(30),
    };

    public static async Task<TokenFixture> CreateAsync(TokenOptions? options = null, DateTimeOffset? start = null)
    {
        options ??= DefaultOptions();
        options.Validate();
        var fixture = new TokenFixture(options, new ManualTimeProvider(start ?? ManualTimeProvider.DefaultStart));
        await fixture.Ring.InitializeAsync();
        return fixture;
    }

    public IssuedToken IssueOfficialToken() => AccessTokens.Issue(new AccessTokenDescriptor
    {
        Subject = "official:42",
        ClientId = "portal",
        Scopes = ["decision:check", "consent:read"],
        AuthTime = Time.GetUtcNow().AddMinutes(-3),
        Official = new OfficialAttributes
        {
            Department = "civil-affairs",
            Roles = ["caseworker", "reviewer"],
            Level = 3,
            Region = "320100",
            Clearance = Clearances.Important,
        },
    });

    public void Dispose()
    {
        Ring.Dispose();
        Protector.Dispose();
    }
}
