using GovAuthZ.Tokens;
using GovAuthZ.Tokens.Authorization;
using GovAuthZ.Tokens.Users;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;

namespace GovAuthZ.Server.Tokens;

/// <summary>What the authorization, consent and end-session endpoints share; one singleton instead of ten parameters each.</summary>
internal sealed class AuthorizeServices(
    AuthorizationRequestValidator validator, UserSignIn signIn, AuthorizationCodeService codes, SignInSessions sessions,
    IScopeConsentStore consents, IAntiforgery antiforgery, IDataProtectionProvider protection, TimeProvider time,
    TokenOptions options, ILogger<AuthorizationCodeService> logger)
{
    public AuthorizationRequestValidator Validator { get; } = validator;

    public UserSignIn SignIn { get; } = signIn;

    public AuthorizationCodeService Codes { get; } = codes;

    public SignInSessions Sessions { get; } = sessions;

    public IScopeConsentStore Consents { get; } = consents;

    public IAntiforgery Antiforgery { get; } = antiforgery;

    public IDataProtectionProvider Protection { get; } = protection;

    public TimeProvider Time { get; } = time;

    public TokenOptions Options { get; } = options;

    public ILogger Logger { get; } = logger;
}
