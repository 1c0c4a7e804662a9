using GovAuthZ.Tokens.Users;

namespace GovAuthZ.Tokens.Authorization;

/// <summary>
/// Issues codes at the authorization endpoint after the user signed in. A code lives 60 seconds by
/// default (RFC 6749 4.1.2 recommends at most 10 minutes; a browser redirect needs seconds). Thread-safe.
/// </summary>
public sealed class AuthorizationCodeService
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(60);

    private readonly IAuthorizationCodeStore _store;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    public AuthorizationCodeService(IAuthorizationCodeStore store, TimeProvider timeProvider, TimeSpan? lifetime = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _lifetime = lifetime ?? DefaultLifetime;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_lifetime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(_lifetime, TimeSpan.FromMinutes(10));
    }

    public TimeSpan Lifetime => _lifetime;

    /// <summary>Stores the binding under the code's hash and returns the code, which is never stored.</summary>
    public ValueTask<string> IssueAsync(AuthorizationRequest request, UserAccount user, DateTimeOffset authTime, CancellationToken cancellationToken) =>
        IssueAsync(request, user, authTime, null, cancellationToken);

    /// <summary>As above, in the sign-in session <paramref name="sessionId"/> (its sid goes into the ID token).</summary>
    public async ValueTask<string> IssueAsync(AuthorizationRequest request, UserAccount user, DateTimeOffset authTime, string? sessionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(user);
        var code = AuthorizationCodes.NewCode();
        var grant = new AuthorizationCodeGrant
        {
            ClientId = request.Client.ClientId,
            RedirectUri = request.RedirectUri,
            CodeChallenge = request.CodeChallenge,
            UserId = user.UserId,
            Scopes = request.Scopes,
            Nonce = request.Nonce,
            AuthTime = authTime,
            SessionId = sessionId,
            ExpiresAt = _time.GetUtcNow() + _lifetime,
        };
        await _store.StoreAsync(AuthorizationCodes.Hash(code), grant, cancellationToken).ConfigureAwait(false);
        return code;
    }
}
