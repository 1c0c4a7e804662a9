using GovAuthZ.Core.Errors;

namespace GovAuthZ.Tokens.Discovery;

/// <summary>
/// Builds the metadata from the options and what the pipeline actually supports, so the document can never
/// advertise a grant or method the endpoint would refuse. Response type "code" only (no implicit or hybrid,
/// RFC 9700 2.1.2); PKCE S256 only.
/// </summary>
public static class DiscoveryDocumentBuilder
{
    private static readonly string[] AssertionAlgorithms = ["ES256", "ES384", "ES512", "PS256", "PS384", "PS512", "RS256", "RS384", "RS512"];

    private static readonly string[] Claims =
    [
        TokenClaimNames.Issuer, TokenClaimNames.Subject, TokenClaimNames.Audience, TokenClaimNames.Expires,
        TokenClaimNames.IssuedAt, TokenClaimNames.AuthTime, TokenClaimNames.Nonce, TokenClaimNames.AuthorizedParty, TokenClaimNames.AccessTokenHash,
        TokenClaimNames.Name,
        TokenClaimNames.Department, TokenClaimNames.Roles, TokenClaimNames.Level, TokenClaimNames.Region, TokenClaimNames.Clearance,
    ];

    public static DiscoveryDocument Build(TokenOptions options, DiscoveryEndpoints endpoints, IReadOnlyCollection<string> grantTypes)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(grantTypes);
        var authMethods = new List<string>
        {
            ClientAuthenticationMethods.ClientSecretBasic,
            ClientAuthenticationMethods.ClientSecretPost,
            ClientAuthenticationMethods.PrivateKeyJwt,
        };
        if (endpoints.AuthorizationEndpoint is not null)
        {
            authMethods.Add(ClientAuthenticationMethods.None);
        }

        var grants = grantTypes.ToList();
        grants.Sort(StringComparer.Ordinal);
        return new DiscoveryDocument
        {
            Issuer = options.Issuer,
            AuthorizationEndpoint = Checked(endpoints.AuthorizationEndpoint),
            TokenEndpoint = Checked(endpoints.TokenEndpoint)!,
            JwksUri = Checked(endpoints.JwksUri)!,
            UserInfoEndpoint = Checked(endpoints.UserInfoEndpoint),
            RevocationEndpoint = Checked(endpoints.RevocationEndpoint),
            IntrospectionEndpoint = Checked(endpoints.IntrospectionEndpoint),
            EndSessionEndpoint = Checked(endpoints.EndSessionEndpoint),
            ScopesSupported = [.. options.SupportedScopes],
            ResponseTypesSupported = ["code"],
            ResponseModesSupported = ["query"],
            GrantTypesSupported = grants,
            TokenEndpointAuthMethodsSupported = authMethods,
            TokenEndpointAuthSigningAlgValuesSupported = AssertionAlgorithms,
            RevocationEndpointAuthMethodsSupported = endpoints.RevocationEndpoint is null ? null : authMethods,
            IntrospectionEndpointAuthMethodsSupported = endpoints.IntrospectionEndpoint is null ? null : authMethods,
            CodeChallengeMethodsSupported = [Grants.Pkce.S256],
            IdTokenSigningAlgValuesSupported = [.. options.AcceptedAlgorithms],
            SubjectTypesSupported = ["public"],
            ClaimsSupported = Claims,
            AuthorizationResponseIssParameterSupported = endpoints.AuthorizationEndpoint is not null,
        };
    }

    private static string? Checked(string? url)
    {
        if (url is null)
        {
            return null;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !TokenOptions.IsHttpsOrLoopbackHttp(uri) || uri.Fragment.Length > 0)
        {
            throw new GovAuthZException(ErrorCode.TokenOptionsInvalid, $"endpoint '{url}' must be an absolute https URL without fragment");
        }

        return url;
    }
}
