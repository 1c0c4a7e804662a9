using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.Core.Errors;
using GovAuthZ.Server.Authentication;
using GovAuthZ.Tokens.Issuance;

namespace GovAuthZ.Server.IntegrationTests.Authentication;

public sealed class PrincipalResolverTests
{
    private static readonly OfficialAttributes Wang = new()
    {
        Department = "civil_affairs_nj",
        Roles = ["role:caseworker"],
        Level = 3,
        Region = "320100",
        Clearance = Clearances.Important,
    };

    [Fact]
    public async Task Resolve_WhenSubjectTokenValid_ReplacesItWithTheOfficial()
    {
        using var tokens = await TokenServiceFixture.CreateAsync();
        var resolver = new PrincipalResolver(tokens.Authenticator);
        var request = RequestWith(new Principal { SubjectToken = tokens.OfficialToken(Wang).Token });

        var error = await resolver.ResolveAsync(Pep(), request, CancellationToken.None);

        Assert.Null(error);
        var official = request.Principal.Official;
        Assert.Equal("official:wang", official.Id);
        Assert.Equal("civil_affairs_nj", official.Department);
        Assert.Equal(AdministrativeLevel.Municipal, official.Level);
        Assert.Equal("320100", official.Region);
        Assert.Equal(DataGrade.Important, official.Clearance);
        Assert.Equal(["role:caseworker"], official.Roles);
        Assert.Equal("pep-app", request.Principal.ActingApp);
    }

    [Fact]
    public async Task Resolve_WhenSubjectTokenTampered_InvalidRequest()
    {
        using var tokens = await TokenServiceFixture.CreateAsync();
        var resolver = new PrincipalResolver(tokens.Authenticator);
        var token = tokens.OfficialToken(Wang).Token;
        var parts = token.Split('.');
        var forged = parts[0] + "." + parts[1].Replace('A', 'B') + "." + parts[2];
        var request = RequestWith(new Principal { SubjectToken = forged });

        var error = await resolver.ResolveAsync(Pep(), request, CancellationToken.None);

        Assert.Equal(ErrorCode.DecisionInvalidRequest, error?.Code);
        Assert.Contains("subject_token is not valid", error!.Detail, StringComparison.Ordinal);
        Assert.Equal(Principal.IdentityOneofCase.SubjectToken, request.Principal.IdentityCase);
    }

    [Fact]
    public async Task Resolve_WhenSubjectTokenRevoked_InvalidRequest()
    {
        using var tokens = await TokenServiceFixture.CreateAsync();
        var resolver = new PrincipalResolver(tokens.Authenticator);
        var issued = tokens.OfficialToken(Wang);
        tokens.Revoked.Revoke(issued.TokenId, issued.ExpiresAt);

        var error = await resolver.ResolveAsync(Pep(), RequestWith(new Principal { SubjectToken = issued.Token }), CancellationToken.None);

        Assert.Equal(ErrorCode.DecisionInvalidRequest, error?.Code);
    }

    [Fact]
    public async Task Resolve_WhenSubjectTokenBelongsToAnApp_InvalidRequestNamingTheMissingAttribute()
    {
        using var tokens = await TokenServiceFixture.CreateAsync();
        var resolver = new PrincipalResolver(tokens.Authenticator);
        var appToken = tokens.AppToken("tax-app", DecisionScopes.Check).Token;

        var error = await resolver.ResolveAsync(Pep(), RequestWith(new Principal { SubjectToken = appToken }), CancellationToken.None);

        Assert.Equal(ErrorCode.DecisionInvalidRequest, error?.Code);
        Assert.Contains("no official department", error!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_WhenOfficialDescribedWithoutAssertScope_Forbidden()
    {
        using var tokens = await TokenServiceFixture.CreateAsync();
        var resolver = new PrincipalResolver(tokens.Authenticator);
        var request = RequestWith(new Principal { Official = new Official { Id = "official:wang" } });

        var error = await resolver.ResolveAsync(Pep(), request, CancellationToken.None);

        Assert.Equal(ErrorCode.DecisionForbidden, error?.Code);
    }

    [Fact]
    public async Task Resolve_WhenOfficialDescribedWithAssertScope_Accepted()
    {
        using var tokens = await TokenServiceFixture.CreateAsync();
        var resolver = new PrincipalResolver(tokens.Authenticator);
        var request = RequestWith(new Principal { Official = new Official { Id = "official:wang" } });

        var error = await resolver.ResolveAsync(Pep(DecisionScopes.AssertPrincipal), request, CancellationToken.None);

        Assert.Null(error);
    }

    [Theory]
    [InlineData("pep-app", false)]
    [InlineData("other-app", true)]
    public async Task Resolve_WhenAppPrincipal_OnlyItselfWithoutAssertScope(string clientId, bool forbidden)
    {
        using var tokens = await TokenServiceFixture.CreateAsync();
        var resolver = new PrincipalResolver(tokens.Authenticator);

        var error = await resolver.ResolveAsync(Pep(), RequestWith(new Principal { App = new App { ClientId = clientId } }), CancellationToken.None);

        Assert.Equal(forbidden, error?.Code == ErrorCode.DecisionForbidden);
    }

    [Fact]
    public async Task Resolve_WhenBatchEntryFails_NamesItsIndex()
    {
        using var tokens = await TokenServiceFixture.CreateAsync();
        var resolver = new PrincipalResolver(tokens.Authenticator);
        var batch = new CheckBatchRequest();
        batch.Checks.Add(RequestWith(new Principal { SubjectToken = tokens.OfficialToken(Wang).Token }));
        batch.Checks.Add(RequestWith(new Principal { Official = new Official { Id = "official:li" } }));

        var error = await resolver.ResolveAsync(Pep(), batch, CancellationToken.None);

        Assert.Equal(ErrorCode.DecisionForbidden, error?.Code);
        Assert.StartsWith("checks[1]: ", error!.Detail, StringComparison.Ordinal);
    }

    private static Caller Pep(params string[] extraScopes) =>
        new("pep-app", "pep-app", [DecisionScopes.Check, .. extraScopes], TokenServiceFixture.Start.AddHours(1), "jti-pep");

    private static CheckRequest RequestWith(Principal principal) => new()
    {
        Principal = principal,
        Resource = new Resource { DatasetId = "ds_ca_low_income_nj" },
        Action = "read",
        Purpose = "social_assistance_eligibility",
    };
}
