using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Issuance;

namespace GovAuthZ.Tokens.Clients;

public enum ClientType
{
    /// <summary>Can keep a credential (a server-side app): authenticates with a secret or a signed assertion.</summary>
    Confidential,

    /// <summary>Cannot keep a credential (a browser or native app): identified by client_id only.</summary>
    Public,
}

public enum ClientKind
{
    /// <summary>An app acting for its users or for itself.</summary>
    Application,

    /// <summary>A department's own system: its tokens carry the department, region and level.</summary>
    Department,
}

/// <summary>
/// A registered client. Immutable once built; <see cref="Validate"/> (run by the stores) refuses
/// registrations that would weaken authentication, e.g. a public client with a secret.
/// </summary>
public sealed class OAuthClient
{
    public required string ClientId { get; init; }

    public ClientType Type { get; init; } = ClientType.Confidential;

    public ClientKind Kind { get; init; } = ClientKind.Application;

    public string? DisplayName { get; init; }

    /// <summary>How the client may authenticate (<see cref="ClientAuthenticationMethods"/>).</summary>
    public IReadOnlyList<string> AuthenticationMethods { get; init; } = [];

    /// <summary>Hashes made by <see cref="ClientSecretHasher.Hash"/>; several while a secret is rolled over.</summary>
    public IReadOnlyList<string> SecretHashes { get; init; } = [];

    /// <summary>Registered public keys for private_key_jwt; the only keys its assertions may be signed with.</summary>
    public ClientKeySet? Jwks { get; init; }

    /// <summary>Exact redirect URIs (RFC 9700 section 4.1.3: exact string matching).</summary>
    public IReadOnlyList<string> RedirectUris { get; init; } = [];

    /// <summary>
    /// Exact URIs the end-session endpoint may redirect to after logout (OIDC RP-Initiated Logout 1.0
    /// section 3.1); compared like redirect URIs, character for character.
    /// </summary>
    public IReadOnlyList<string> PostLogoutRedirectUris { get; init; } = [];

    /// <summary>
    /// An app run by the operator itself: its users are not asked to consent to its scopes. Every other
    /// application client gets the consent page (OIDC Core 3.1.2.4) until the user has granted each scope.
    /// </summary>
    public bool FirstParty { get; init; }

    /// <summary>Whether the user must grant this client's scopes before a code is issued.</summary>
    public bool RequiresConsent => Kind == ClientKind.Application && !FirstParty;

    public IReadOnlyList<string> GrantTypes { get; init; } = [];

    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>For <see cref="ClientKind.Department"/>: department, region and level written into its tokens.</summary>
    public OfficialAttributes? DepartmentAttributes { get; init; }

    /// <summary>
    /// Targets the client may request for its tokens in a token exchange: resource URIs (RFC 8707) and
    /// logical audience names (RFC 8693 2.1), matched exactly. Empty: only the default audience.
    /// </summary>
    public IReadOnlyList<string> Audiences { get; init; } = [];

    public bool AllowsAudience(string audience) => OrdinalList.Contains(Audiences, audience);

    public bool AllowsAuthenticationMethod(string method) => OrdinalList.Contains(AuthenticationMethods, method);

    public bool AllowsGrantType(string grantType) => OrdinalList.Contains(GrantTypes, grantType);

    public bool AllowsScope(string scope) => OrdinalList.Contains(Scopes, scope);

    /// <summary>
    /// RFC 9700 4.1.3 and 2.1: exact, ordinal string comparison. No parsing or normalisation, so case,
    /// ports, trailing slashes, userinfo and path tricks all fail to match.
    /// </summary>
    public bool AllowsRedirectUri(string redirectUri) => OrdinalList.Contains(RedirectUris, redirectUri);

    /// <summary>Exact, as for redirect URIs: logout must not become an open redirector.</summary>
    public bool AllowsPostLogoutRedirectUri(string uri) => OrdinalList.Contains(PostLogoutRedirectUris, uri);

    /// <summary>Throws <see cref="GovAuthZException"/> (GAZ3028) naming the first inconsistency.</summary>
    public void Validate()
    {
        Require(!string.IsNullOrEmpty(ClientId) && ClientId.Length <= 200 && !ClientId.Contains(':', StringComparison.Ordinal), "client_id must be 1-200 characters without ':'");
        Require(AuthenticationMethods.Count > 0, "at least one authentication method is required");
        if (Type == ClientType.Public)
        {
            Require(AuthenticationMethods is [ClientAuthenticationMethods.None], "a public client authenticates with method none only");
            Require(SecretHashes.Count == 0 && Jwks is null, "a public client has no secret and no keys");
            Require(!AllowsGrantType(Tokens.GrantTypes.ClientCredentials), "client_credentials is for confidential clients only (RFC 6749 section 4.4)");
        }
        else
        {
            Require(!AllowsAuthenticationMethod(ClientAuthenticationMethods.None), "a confidential client must authenticate");
            var usesSecret = AllowsAuthenticationMethod(ClientAuthenticationMethods.ClientSecretBasic) || AllowsAuthenticationMethod(ClientAuthenticationMethods.ClientSecretPost);
            Require(!usesSecret || SecretHashes.Count > 0, "a secret method needs at least one secret hash");
            Require(usesSecret || SecretHashes.Count == 0, "secret hashes without a secret method");
            var usesKeys = AllowsAuthenticationMethod(ClientAuthenticationMethods.PrivateKeyJwt);
            Require(!usesKeys || Jwks is { Keys.Count: > 0 }, "private_key_jwt needs a registered JWKS");
        }

        foreach (var method in AuthenticationMethods)
        {
            Require(method is ClientAuthenticationMethods.ClientSecretBasic or ClientAuthenticationMethods.ClientSecretPost or ClientAuthenticationMethods.PrivateKeyJwt or ClientAuthenticationMethods.None, "unknown authentication method");
        }

        ValidateTargets();

        foreach (var hash in SecretHashes)
        {
            Require(ClientSecretHasher.IsWellFormedHash(hash), "a secret hash is malformed");
        }

        Require(Kind == ClientKind.Application ? DepartmentAttributes is null : DepartmentAttributes is { Department: not null }, "department attributes belong to department clients, which need a department");
        Require(DepartmentAttributes is null || (DepartmentAttributes.TryValidate(out _) && DepartmentAttributes.Roles.Count == 0 && DepartmentAttributes.Clearance is null), "department attributes are department, region and level, well-formed");
    }

    /// <summary>Where the client may be sent back to, and which audiences its exchanged tokens may name.</summary>
    private void ValidateTargets()
    {
        // RFC 6749 3.1.2: redirect URIs are absolute and have no fragment (a client without any simply
        // matches no authorization request). "/x" parses as a file URI on Unix, so file URIs are refused too.
        foreach (var uri in RedirectUris)
        {
            Require(IsAbsoluteWithoutFragment(uri), "redirect URIs must be absolute, not file, and have no fragment");
        }

        foreach (var uri in PostLogoutRedirectUris)
        {
            Require(IsAbsoluteWithoutFragment(uri), "post-logout redirect URIs must be absolute, not file, and have no fragment");
        }

        foreach (var audience in Audiences)
        {
            Require(IsWellFormedTarget(audience), "audiences must be 1-512 printable characters without spaces; URIs absolute without fragment (RFC 8707 section 2)");
        }
    }

    /// <summary>
    /// A registrable target: a logical name, or an absolute URI without fragment when it has a scheme
    /// (RFC 8707 section 2). A value with ':' that does not parse as such a URI is refused, so a resource
    /// can never be registered in a form requests could not match.
    /// </summary>
    internal static bool IsWellFormedTarget(string value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 512)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is <= ' ' or > '~')
            {
                return false;
            }
        }

        return !value.Contains(':', StringComparison.Ordinal) || IsAbsoluteWithoutFragment(value);
    }

    /// <summary>
    /// An absolute URI without fragment, and not a file path ("/x" parses as a file URI on Unix): what
    /// redirect URIs (RFC 6749 3.1.2) and resource indicators (RFC 8707 section 2) must be.
    /// </summary>
    internal static bool IsAbsoluteWithoutFragment(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && !uri.IsFile && !uri.IsUnc && !value.Contains('#', StringComparison.Ordinal);

    private void Require(bool condition, string detail)
    {
        if (!condition)
        {
            throw new GovAuthZException(ErrorCode.ClientRegistrationInvalid, $"client '{ClientId}': {detail}");
        }
    }
}
