using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Errors;

namespace GovAuthZ.Tokens.Clients;

/// <summary>
/// The credential-bearing parts of a token-endpoint request, as plain values: the Authorization header
/// (unparsed) and the form parameters client_id, client_secret, client_assertion_type, client_assertion.
/// </summary>
public sealed record ClientCredentials
{
    public string? AuthorizationHeader { get; init; }

    public string? ClientId { get; init; }

    public string? ClientSecret { get; init; }

    public string? ClientAssertionType { get; init; }

    public string? ClientAssertion { get; init; }
}

/// <summary>The authenticated client and the method it used, or why authentication failed.</summary>
public sealed class ClientAuthenticationResult
{
    private ClientAuthenticationResult(OAuthClient? client, string? method, TokenError? error, bool usedBasic)
    {
        Client = client;
        Method = method;
        Error = error;
        UsedBasicScheme = usedBasic;
    }

    public bool Succeeded => Client is not null;

    public OAuthClient? Client { get; }

    /// <summary>The <see cref="ClientAuthenticationMethods"/> name that succeeded.</summary>
    public string? Method { get; }

    public TokenError? Error { get; }

    public ErrorCode Code => Error?.Code ?? ErrorCode.None;

    /// <summary>
    /// The request used HTTP Basic: on a 401 the endpoint must answer with WWW-Authenticate: Basic
    /// (RFC 6749 section 5.2, invalid_client).
    /// </summary>
    public bool UsedBasicScheme { get; }

    internal static ClientAuthenticationResult Success(OAuthClient client, string method) =>
        new(client, method, null, method == ClientAuthenticationMethods.ClientSecretBasic);

    internal static ClientAuthenticationResult Failure(ErrorCode code, bool usedBasic = false) =>
        new(null, null, TokenError.From(code), usedBasic);
}
