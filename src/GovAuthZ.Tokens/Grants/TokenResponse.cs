using System.Text.Json.Serialization;
using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Clients;
using GovAuthZ.Tokens.Errors;
using GovAuthZ.Tokens.Issuance;

namespace GovAuthZ.Tokens.Grants;

/// <summary>
/// The successful token response body (RFC 6749 section 5.1, RFC 8693 section 2.2.1). The host sends it
/// as JSON with Cache-Control: no-store.
/// </summary>
public sealed class TokenResponse
{
    [JsonPropertyName("access_token")]
    public required string AccessToken { get; init; }

    [JsonPropertyName("token_type")]
    public string TokenType { get; init; } = "Bearer";

    [JsonPropertyName("expires_in")]
    public required int ExpiresIn { get; init; }

    /// <summary>Always sent: RFC 6749 5.1 requires it whenever it differs from the request, and narrowing can make it differ.</summary>
    [JsonPropertyName("scope")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Scope { get; init; }

    [JsonPropertyName("refresh_token")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RefreshToken { get; init; }

    [JsonPropertyName("id_token")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? IdToken { get; init; }

    [JsonPropertyName("issued_token_type")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? IssuedTokenType { get; init; }
}

/// <summary>The error response body (RFC 6749 section 5.2).</summary>
public sealed class TokenErrorResponse
{
    [JsonPropertyName("error")]
    public required string Error { get; init; }

    [JsonPropertyName("error_description")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ErrorDescription { get; init; }

    public static TokenErrorResponse From(TokenError error) => new() { Error = error.Error, ErrorDescription = error.Description };
}

/// <summary>The outcome of a token request: a response to send, or an error with its HTTP status.</summary>
public sealed class TokenEndpointResult
{
    private TokenEndpointResult(TokenResponse? response, IssuedToken? issued, TokenError? error, OAuthClient? client, bool usedBasic)
    {
        Response = response;
        IssuedAccessToken = issued;
        Error = error;
        Client = client;
        UsedBasicScheme = usedBasic;
    }

    public bool Succeeded => Response is not null;

    public TokenResponse? Response { get; }

    /// <summary>The issued access token's id, key and times, for the audit record.</summary>
    public IssuedToken? IssuedAccessToken { get; }

    public TokenError? Error { get; }

    public ErrorCode Code => Error?.Code ?? ErrorCode.None;

    /// <summary>The authenticated client, when authentication got that far (for logs and audit).</summary>
    public OAuthClient? Client { get; }

    /// <summary>200 on success, otherwise the error's status (401 for invalid_client, else 400).</summary>
    public int HttpStatus => Error?.HttpStatus ?? 200;

    /// <summary>A 401 to a request that used Basic must carry WWW-Authenticate: Basic (RFC 6749 5.2).</summary>
    public bool UsedBasicScheme { get; }

    internal static TokenEndpointResult Success(TokenResponse response, IssuedToken? issued, OAuthClient client) => new(response, issued, null, client, false);

    internal static TokenEndpointResult Failure(TokenError error, OAuthClient? client, bool usedBasic) => new(null, null, error, client, usedBasic);
}
