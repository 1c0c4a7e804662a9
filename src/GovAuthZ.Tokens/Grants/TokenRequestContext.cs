using GovAuthZ.Tokens.Clients;

namespace GovAuthZ.Tokens.Grants;

/// <summary>
/// The state of one token request as it moves through the handlers. Each handler reads what earlier ones
/// established (the client, the granted scopes) and adds its own part; the last sets <see cref="Response"/>.
/// </summary>
public sealed class TokenRequestContext
{
    internal TokenRequestContext(TokenRequestParameters parameters, string? authorizationHeader, IReadOnlySet<string> supportedGrantTypes)
    {
        Parameters = parameters;
        AuthorizationHeader = authorizationHeader;
        SupportedGrantTypes = supportedGrantTypes;
    }

    public TokenRequestParameters Parameters { get; }

    public string? AuthorizationHeader { get; }

    /// <summary>Grant types some handler issues tokens for.</summary>
    public IReadOnlySet<string> SupportedGrantTypes { get; }

    /// <summary>The validated grant_type; set by the first handler.</summary>
    public string GrantType { get; set; } = string.Empty;

    public OAuthClient? Client { get; set; }

    public string? AuthenticationMethod { get; set; }

    public bool UsedBasicScheme { get; set; }

    public IReadOnlyList<string> GrantedScopes { get; set; } = [];

    public TokenResponse? Response { get; set; }

    /// <summary>The access token behind <see cref="Response"/>, for the audit record.</summary>
    public Issuance.IssuedToken? IssuedAccessToken { get; set; }

    /// <summary>authorization_code grant: the redeemed code's binding and its storage key, for the issue step.</summary>
    internal Authorization.AuthorizationCodeGrant? RedeemedCode { get; set; }

    internal string? RedeemedCodeHash { get; set; }
}

/// <summary>
/// One check or step of the token pipeline. A handler either lets the request continue (returns null) or
/// rejects it with one stable code. Handlers run in registration order; those with a grant type run only
/// for that grant, and the set of such grant types is what the endpoint supports.
/// </summary>
public interface ITokenRequestHandler
{
    /// <summary>The grant this handler belongs to, or null for handlers that run for every grant.</summary>
    string? GrantType { get; }

    ValueTask<Errors.TokenError?> HandleAsync(TokenRequestContext context, CancellationToken cancellationToken);
}
