using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Discovery;
using GovAuthZ.Tokens.Errors;
using GovAuthZ.Tokens.Grants;

namespace GovAuthZ.Tokens.Tests.Grants;

/// <summary>A further grant is a pair of handlers with its grant type; the pipeline and discovery pick it up.</summary>
public sealed class PipelineExtensionTests
{
    [Fact]
    public async Task ProcessAsync_WhenExtraGrantRegistered_RunsItsHandlersInOrderAndAdvertisesIt()
    {
        var log = new List<string>();
        var pipeline = new TokenRequestPipeline(
        [
            new GrantTypeHandler(),
            new Recording(null, "common", log),
            new Recording(GrantTypes.ClientCredentials, "cc-only", log),
            new Recording("urn:example:grant", "check", log),
            new Recording("urn:example:grant", "issue", log, issue: true),
        ]);

        var result = await pipeline.ProcessAsync(new TokenEndpointRequest { Form = [KeyValuePair.Create("grant_type", "urn:example:grant")] });

        Assert.True(result.Succeeded);
        Assert.Equal(["common", "check", "issue"], log);
        var document = DiscoveryDocumentBuilder.Build(
            Fakes.TokenFixture.DefaultOptions(),
            new DiscoveryEndpoints { TokenEndpoint = "https://auth.example.gov/token", JwksUri = "https://auth.example.gov/jwks" },
            pipeline.SupportedGrantTypes);
        Assert.Equal(["client_credentials", "urn:example:grant"], document.GrantTypesSupported);
    }

    [Fact]
    public async Task ProcessAsync_WhenAHandlerRejects_StopsWithItsCode()
    {
        var log = new List<string>();
        var pipeline = new TokenRequestPipeline(
        [
            new GrantTypeHandler(),
            new Recording("urn:example:grant", "check", log, reject: ErrorCode.PkceVerifierMismatch),
            new Recording("urn:example:grant", "issue", log, issue: true),
        ]);

        var result = await pipeline.ProcessAsync(new TokenEndpointRequest { Form = [KeyValuePair.Create("grant_type", "urn:example:grant")] });

        Assert.Equal(ErrorCode.PkceVerifierMismatch, result.Code);
        Assert.Equal(OAuthErrors.InvalidGrant, result.Error!.Value.Error);
        Assert.Equal(["check"], log);
    }

    private sealed class Recording(string? grantType, string name, List<string> log, bool issue = false, ErrorCode reject = ErrorCode.None) : ITokenRequestHandler
    {
        public string? GrantType => grantType;

        public ValueTask<TokenError?> HandleAsync(TokenRequestContext context, CancellationToken cancellationToken)
        {
            log.Add(name);
            if (reject != ErrorCode.None)
            {
                return ValueTask.FromResult<TokenError?>(TokenError.From(reject));
            }

            if (issue)
            {
                context.Response = new TokenResponse { AccessToken = "t", ExpiresIn = 60 };
            }

            return ValueTask.FromResult<TokenError?>(null);
        }
    }
}
