using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.Core.Errors;
using GovAuthZ.Server.Authentication;
using GovAuthZ.Tokens;
using GovAuthZ.Tokens.Clients;
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
    public async Task Resolve_WhenDepartmentAppAsksForItself_DecidesAsItsDepartmentWithGeneralClearance()
    {
        using var tokens = await TokenServiceFixture.CreateAsync();
        var resolver = new PrincipalResolver(tokens.Authenticator, Clients());
        var request = RequestWith(new Principal { App = new App { ClientId = "tax-app" } });

        var error = await resolver.ResolveAsync(PepAs("tax-app"), request, CancellationToken.None);

        Assert.Null(error);
        var official = request.Principal.Official;
        Assert.Equal("tax-app", official.Id);
        Assert.Equal("tax_nj", official.Department);
        Assert.Equal(AdministrativeLevel.Municipal, official.Level);
        Assert.Equal("320100", official.Region);
        Assert.Equal(DataGrade.General, official.Clearance);
        Assert.Equal("tax-app", request.Principal.ActingApp);
    }

    [Theory]
    [InlineData("plain-app", "is not registered for a department")]
    [InlineData("ghost-app", "is not a registered client")]
    [InlineData("", "client_id is required")]
    public async Task Resolve_WhenAppCannotBeAPrincipal_InvalidRequest(string clientId, string expected)
    {
        using var tokens = await TokenServiceFixture.CreateAsync();
        var resolver = new PrincipalResolver(tokens.Authenticator, Clients());

        var error = await resolver.ResolveAsync(
            PepAs(clientId.Length == 0 ? "pep-app" : clientId, DecisionScopes.AssertPrincipal),
            RequestWith(new Principal { App = new App { ClientId = clientId } }),
            CancellationToken.None);

        Assert.Equal(ErrorCode.DecisionInvalidRequest, error?.Code);
        Assert.Contains(expected, error!.Detail, StringComparison.Ordinal);
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

    private static Caller Pep(params string[] extraScopes) => PepAs("pep-app", extraScopes);

    private static Caller PepAs(string clientId, params string[] extraScopes) =>
        new(clientId, clientId, [DecisionScopes.Check, .. extraScopes], TokenServiceFixture.Start.AddHours(1), "jti-pep");

    private static InMemoryClientStore Clients() => new(
    [
        new OAuthClient
        {
            ClientId = "tax-app",
            Kind = ClientKind.Department,
            AuthenticationMethods = [ClientAuthenticationMethods.ClientSecretBasic],
            SecretHashes = [ClientSecretHasher.Hash(ClientSecretHasher.GenerateSecret())],
            GrantTypes = [GrantTypes.ClientCredentials],
            Scopes = [DecisionScopes.Check],
            DepartmentAttributes = new OfficialAttributes { Department = "tax_nj", Region = "320100", Level = 3 },
        },
        new OAuthClient
        {
            ClientId = "plain-app",
            AuthenticationMethods = [ClientAuthenticationMethods.ClientSecretBasic],
            SecretHashes = [ClientSecretHasher.Hash(ClientSecretHasher.GenerateSecret())],
            GrantTypes = [GrantTypes.ClientCredentials],
            Scopes = [DecisionScopes.Check],
        },
    ]);

    private static CheckRequest RequestWith(Principal principal) => new()
    {
        Principal = principal,
        Resource = new Resource { DatasetId = "ds_ca_low_income_nj" },
        Action = "read",
        Purpose = "social_assistance_eligibility",
    };
}
