using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Clients;
using GovAuthZ.Tokens.Grants;

namespace GovAuthZ.Tokens.Authorization;

/// <summary>
/// Validates an authorization request, host-agnostic. Order matters: client_id and redirect_uri are
/// established first, because until both are trusted no error may be redirected (RFC 6749 4.1.2.1).
/// Thread-safe; create once.
/// </summary>
public sealed class AuthorizationRequestValidator
{
    private readonly IClientStore _clients;
    private readonly HashSet<string> _supportedScopes;

    public AuthorizationRequestValidator(TokenOptions options, IClientStore clients)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clients = clients ?? throw new ArgumentNullException(nameof(clients));
        _supportedScopes = new HashSet<string>(options.SupportedScopes, StringComparer.Ordinal);
    }

    public async ValueTask<AuthorizationRequestResult> ValidateAsync(IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var parsed = TokenRequestParameters.TryParse(parameters, out var p, out _);
        var clientId = parsed ? p.Get(AuthorizationParameterNames.ClientId) : null;
        var client = clientId is null ? null : await _clients.FindByIdAsync(clientId, cancellationToken).ConfigureAwait(false);
        if (client is null)
        {
            return AuthorizationRequestResult.NoRedirect(parsed ? ErrorCode.AuthorizationClientUnknown : ErrorCode.AuthorizationRequestMalformed);
        }

        var redirectUri = p.Get(AuthorizationParameterNames.RedirectUri);
        if (redirectUri is null || !client.AllowsRedirectUri(redirectUri))
        {
            return AuthorizationRequestResult.NoRedirect(ErrorCode.AuthorizationRedirectUriInvalid);
        }

        var state = p.Get(AuthorizationParameterNames.State);
        var code = Check(client, p);
        if (code != ErrorCode.None)
        {
            return AuthorizationRequestResult.Redirect(code, redirectUri, state);
        }

        var scopes = GrantScopes(client, p.Scope, out code);
        var interaction = code == ErrorCode.None ? InteractionParameters.Parse(p.Get(AuthorizationParameterNames.Prompt), p.Get(AuthorizationParameterNames.MaxAge), out code) : default;
        return code != ErrorCode.None
            ? AuthorizationRequestResult.Redirect(code, redirectUri, state)
            : AuthorizationRequestResult.Success(new AuthorizationRequest
            {
                Client = client,
                RedirectUri = redirectUri,
                Scopes = scopes,
                CodeChallenge = p.Get(AuthorizationParameterNames.CodeChallenge)!,
                State = state,
                Nonce = p.Get(AuthorizationParameterNames.Nonce),
                PromptNone = interaction.None,
                PromptLogin = interaction.Login,
                PromptConsent = interaction.Consent,
                MaxAge = interaction.MaxAge,
            });
    }

    private static ErrorCode Check(OAuthClient client, TokenRequestParameters p)
    {
        if (!string.Equals(p.Get(AuthorizationParameterNames.ResponseType), "code", StringComparison.Ordinal))
        {
            return ErrorCode.AuthorizationResponseTypeUnsupported;
        }

        if (!client.AllowsGrantType(GrantTypes.AuthorizationCode))
        {
            return ErrorCode.AuthorizationGrantNotAllowed;
        }

        // RFC 9700 2.1.1: PKCE for every client, S256 only (plain would expose the verifier).
        var method = p.Get(AuthorizationParameterNames.CodeChallengeMethod);
        if (!Pkce.IsValidChallenge(p.Get(AuthorizationParameterNames.CodeChallenge)) || !string.Equals(method, Pkce.S256, StringComparison.Ordinal))
        {
            return ErrorCode.AuthorizationPkceRequired;
        }

        var nonce = p.Get(AuthorizationParameterNames.Nonce);
        var state = p.Get(AuthorizationParameterNames.State);
        return nonce is { Length: > 512 } || state is { Length: > 2048 } ? ErrorCode.AuthorizationRequestMalformed : ErrorCode.None;
    }

    private List<string> GrantScopes(OAuthClient client, string? scope, out ErrorCode code)
    {
        IReadOnlyList<string> requested = client.Scopes;
        if (scope is not null && !ScopeParser.TryParse(scope, out requested))
        {
            code = ErrorCode.ScopeMalformed;
            return [];
        }

        var granted = new List<string>(requested.Count);
        foreach (var name in requested)
        {
            // Unlike client_credentials, a user-facing request asking beyond the client's registration
            // is refused rather than narrowed: the user must see exactly what is granted.
            if (!_supportedScopes.Contains(name) || !client.AllowsScope(name))
            {
                code = _supportedScopes.Contains(name) ? ErrorCode.ScopeNotAllowed : ErrorCode.ScopeUnknown;
                return [];
            }

            granted.Add(name);
        }

        code = granted.Count == 0 ? ErrorCode.ScopeNotAllowed : ErrorCode.None;
        return granted;
    }
}
