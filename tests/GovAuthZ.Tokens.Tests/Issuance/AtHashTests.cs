using GovAuthZ.Tokens.Issuance;
using GovAuthZ.Tokens.Keys;
using GovAuthZ.Tokens.Tests.Authorization;
using GovAuthZ.Tokens.Tests.Fakes;

namespace GovAuthZ.Tokens.Tests.Issuance;

public sealed class AtHashTests
{
    [Theory]
    [InlineData(SigningAlgorithms.ES256)]
    [InlineData(SigningAlgorithms.RS256)]
    public async Task Issue_WhenAccessTokenGiven_WritesAtHashOfTheSigningAlgorithm(string algorithm)
    {
        using var fixture = await TokenFixture.CreateAsync(TokenFixture.DefaultOptions(algorithm));
        var access = fixture.IssueOfficialToken();

        var idToken = fixture.IdTokens.Issue(new IdTokenDescriptor
        {
            Subject = "official:42",
            ClientId = "portal",
            AuthTime = fixture.Time.GetUtcNow(),
            AccessToken = access.Token,
        });

        var (header, payload) = JwtForge.Decode(idToken.Token);
        Assert.Equal(algorithm, (string?)header["alg"]);
        Assert.Equal(AuthorizationCodeRefreshTests.ExpectedAtHash(access.Token), (string?)payload["at_hash"]);
    }

    [Fact]
    public async Task Issue_WhenNoAccessToken_WritesNoAtHash()
    {
        using var fixture = await TokenFixture.CreateAsync();

        var idToken = fixture.IdTokens.Issue(new IdTokenDescriptor { Subject = "official:42", ClientId = "portal", AuthTime = fixture.Time.GetUtcNow() });

        Assert.False(JwtForge.Decode(idToken.Token).Payload.ContainsKey("at_hash"));
    }

    [Fact]
    public void LeftHalfHash_WhenAlgorithmUnknown_Throws()
    {
        Assert.Throws<ArgumentException>(() => TokenHashes.LeftHalfHash("token", "HS1"));
    }
}
