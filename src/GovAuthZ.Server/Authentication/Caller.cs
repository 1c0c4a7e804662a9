using GovAuthZ.Tokens.Issuance;

namespace GovAuthZ.Server.Authentication;

/// <summary>
/// The authenticated caller of the decision API: an application holding one of our access tokens, or the
/// trusted local caller when the server runs in local mode. Immutable, so one instance is shared by every
/// request that presents the same token.
/// </summary>
internal sealed class Caller
{
    private readonly string[] _scopes;

    public Caller(string clientId, string? subject, string[] scopes, DateTimeOffset expiresAt, string? tokenId, OfficialAttributes? official = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentNullException.ThrowIfNull(scopes);
        ClientId = clientId;
        Subject = subject;
        _scopes = scopes;
        ExpiresAt = expiresAt;
        TokenId = tokenId;
        Official = official;
    }

    /// <summary>
    /// The caller in local mode: holds every decision scope. Local mode is refused at startup unless every
    /// listener is on loopback, so this identity is only ever given to processes on the same host.
    /// </summary>
    public static Caller Local { get; } = new(
        "local",
        null,
        [DecisionScopes.Check, DecisionScopes.Explain, DecisionScopes.AssertPrincipal],
        DateTimeOffset.MaxValue,
        null);

    /// <summary>The OAuth client the token was issued to (<c>client_id</c> claim).</summary>
    public string ClientId { get; }

    /// <summary>The token's <c>sub</c>; for client_credentials tokens it names the client itself.</summary>
    public string? Subject { get; }

    /// <summary>When the token stops being valid; the verified-token cache never serves it past this.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>The token's <c>jti</c>, checked against revocations on every use; null in local mode.</summary>
    public string? TokenId { get; }

    public IReadOnlyList<string> Scopes => _scopes;

    /// <summary>The official's attributes when the token was issued to an official (a subject token).</summary>
    public OfficialAttributes? Official { get; }

    // A plain loop: a caller holds a handful of scopes and this runs on every check.
    public bool HasScope(string scope)
    {
        foreach (var held in _scopes)
        {
            if (string.Equals(held, scope, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
