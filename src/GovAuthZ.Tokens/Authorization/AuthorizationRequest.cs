using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Clients;
using GovAuthZ.Tokens.Errors;

namespace GovAuthZ.Tokens.Authorization;

/// <summary>A validated authorization request (RFC 6749 4.1.1, RFC 7636 4.3, OIDC Core 3.1.2.1).</summary>
public sealed class AuthorizationRequest
{
    public required OAuthClient Client { get; init; }

    /// <summary>Exactly as sent; equal, character for character, to one registered URI.</summary>
    public required string RedirectUri { get; init; }

    public required IReadOnlyList<string> Scopes { get; init; }

    public required string CodeChallenge { get; init; }

    /// <summary>Opaque to us; returned unchanged with the code or the error (RFC 6749 4.1.2).</summary>
    public string? State { get; init; }

    /// <summary>Kept with the code and written into the ID token (OIDC Core 3.1.2.1).</summary>
    public string? Nonce { get; init; }

    /// <summary>prompt=none (OIDC Core 3.1.2.1): no page may be shown; an error is redirected instead.</summary>
    public bool PromptNone { get; init; }

    /// <summary>prompt=login: the user signs in again even with a valid session.</summary>
    public bool PromptLogin { get; init; }

    /// <summary>prompt=consent: the consent page is shown even when every scope was granted before.</summary>
    public bool PromptConsent { get; init; }

    /// <summary>max_age (OIDC Core 3.1.2.1): the longest time since the user last signed in; zero forces sign-in.</summary>
    public TimeSpan? MaxAge { get; init; }
}

/// <summary>
/// The outcome of validating an authorization request. When <see cref="MayRedirect"/> is false the
/// client or redirect URI could not be trusted, and the host must show the error itself: redirecting
/// would make the server an open redirector (RFC 6749 4.1.2.1, RFC 9700 4.11).
/// </summary>
public sealed class AuthorizationRequestResult
{
    private AuthorizationRequestResult(AuthorizationRequest? request, TokenError? error, string? redirectUri, string? state)
    {
        Request = request;
        Error = error;
        RedirectUri = redirectUri;
        State = state;
    }

    public bool Succeeded => Request is not null;

    public AuthorizationRequest? Request { get; }

    public TokenError? Error { get; }

    /// <summary>Where an error may be sent: the registered URI the request named, or null.</summary>
    public string? RedirectUri { get; }

    public string? State { get; }

    public bool MayRedirect => RedirectUri is not null;

    internal static AuthorizationRequestResult Success(AuthorizationRequest request) => new(request, null, request.RedirectUri, request.State);

    internal static AuthorizationRequestResult NoRedirect(ErrorCode code) => new(null, TokenError.From(code), null, null);

    internal static AuthorizationRequestResult Redirect(ErrorCode code, string redirectUri, string? state) => new(null, TokenError.From(code), redirectUri, state);
}

/// <summary>Authorization request parameter names (RFC 6749 4.1.1, RFC 7636 4.3, OIDC Core 3.1.2.1).</summary>
public static class AuthorizationParameterNames
{
    public const string ResponseType = "response_type";
    public const string ClientId = "client_id";
    public const string RedirectUri = "redirect_uri";
    public const string Scope = "scope";
    public const string State = "state";
    public const string Nonce = "nonce";
    public const string Prompt = "prompt";
    public const string MaxAge = "max_age";
    public const string CodeChallenge = "code_challenge";
    public const string CodeChallengeMethod = "code_challenge_method";
    public const string Code = "code";
    public const string Error = "error";
    public const string ErrorDescription = "error_description";

    /// <summary>RFC 9207: the issuer, so a client talking to several servers can detect mix-up.</summary>
    public const string Issuer = "iss";
}
