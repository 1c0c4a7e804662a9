using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Clients;
using GovAuthZ.Tokens.Errors;
using GovAuthZ.Tokens.Issuance;

namespace GovAuthZ.Tokens.Grants;

/// <summary>
/// Grants only a confidential client that authenticated may use: client credentials (RFC 6749 section
/// 4.4) and token exchange, where the client acts for an official.
/// </summary>
internal sealed class ConfidentialClientHandler(string grantType) : ITokenRequestHandler
{
    public string? GrantType => grantType;

    public ValueTask<TokenError?> HandleAsync(TokenRequestContext context, CancellationToken cancellationToken) =>
        context.Client!.Type == ClientType.Confidential && context.AuthenticationMethod != ClientAuthenticationMethods.None
            ? default
            : GrantTypeHandler.Reject(ErrorCode.GrantRequiresConfidentialClient);
}

/// <summary>
/// Issues the client-credentials access token: the client is its own subject (RFC 9068 section 2.2); a
/// department client's department, region and level go into the token. No refresh token (RFC 6749 4.4.3).
/// </summary>
internal sealed class ClientCredentialsIssueHandler : ITokenRequestHandler
{
    private readonly AccessTokenIssuer _issuer;

    public ClientCredentialsIssueHandler(AccessTokenIssuer issuer)
    {
        _issuer = issuer;
    }

    public string? GrantType => GrantTypes.ClientCredentials;

    public ValueTask<TokenError?> HandleAsync(TokenRequestContext context, CancellationToken cancellationToken)
    {
        var client = context.Client!;
        var issued = _issuer.Issue(new AccessTokenDescriptor
        {
            Subject = client.ClientId,
            ClientId = client.ClientId,
            Scopes = context.GrantedScopes,
            Official = client.Kind == ClientKind.Department ? client.DepartmentAttributes : null,
        });
        context.Response = new TokenResponse
        {
            AccessToken = issued.Token,
            ExpiresIn = issued.ExpiresIn,
            Scope = string.Join(' ', context.GrantedScopes),
        };
        context.IssuedAccessToken = issued;
        return default;
    }
}
