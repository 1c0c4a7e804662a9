using System.Globalization;
using System.Security.Cryptography;
using GovAuthZ.Tokens;
using GovAuthZ.Tokens.Sessions;
using GovAuthZ.Tokens.Users;
using Microsoft.AspNetCore.DataProtection;

namespace GovAuthZ.Server.Tokens;

/// <summary>A usable sign-in session: its id (sid), the signed-in user as the store has them now, when they signed in, when it ends.</summary>
internal sealed record SignInSession(string SessionId, UserAccount User, DateTimeOffset AuthTime, DateTimeOffset ExpiresAt);

/// <summary>
/// The single sign-on session of the authorization endpoint. The browser holds it: a cookie whose value is a
/// Data-Protection ticket {session id, user id, auth_time, issued}, so replicas need no session table. It
/// lasts <see cref="TokenServiceOptions.SessionLifetime"/> from sign-in (absolute, never extended). Logout
/// records the session id in <see cref="IEndedSessionStore"/> until the ticket would have expired, so a
/// copied cookie dies with the logout; a deleted user's ticket is refused because the user is looked up
/// on every use. An unreadable, expired or ended ticket is simply no session: the user signs in again.
/// </summary>
internal sealed class SignInSessions
{
    private const string Purpose = "GovAuthZ.SignInSession.v1";

    private readonly IDataProtector _protector;
    private readonly IEndedSessionStore _ended;
    private readonly IUserStore _users;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly bool _secure;

    public SignInSessions(IDataProtectionProvider protection, IEndedSessionStore ended, IUserStore users, TimeProvider time, TokenOptions options, TokenServiceOptions settings)
    {
        _protector = protection.CreateProtector(Purpose);
        _ended = ended;
        _users = users;
        _time = time;
        _lifetime = settings.SessionLifetime;
        _secure = options.Issuer.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

        // A __Host- cookie must be Secure, have no Domain and Path=/ (RFC 6265bis 4.1.3.2); browsers drop
        // it otherwise. Over https we take that host lock over the narrower /oauth path; over loopback http
        // (development) the prefix is impossible and the cookie is scoped to /oauth.
        CookieName = _secure ? "__Host-govauthz-session" : "govauthz-session";
        CookiePath = _secure ? "/" : "/oauth";
    }

    public string CookieName { get; }

    public string CookiePath { get; }

    /// <summary>The session the request carries, or null when there is none that may be used.</summary>
    public async ValueTask<SignInSession?> ReadAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var ticket = ReadTicket(http);
        if (ticket is not { } t || _time.GetUtcNow() >= t.Issued + _lifetime)
        {
            return null;
        }

        if (await _ended.IsEndedAsync(t.SessionId, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var user = await _users.FindByIdAsync(t.UserId, cancellationToken).ConfigureAwait(false);
        return user is null ? null : new SignInSession(t.SessionId, user, t.AuthTime, t.Issued + _lifetime);
    }

    /// <summary>Starts a session for a user who has just signed in, replacing (and ending) any the browser had.</summary>
    public async ValueTask<SignInSession> StartAsync(HttpContext http, UserAccount user, CancellationToken cancellationToken)
    {
        await EndAsync(http, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var sessionId = OpaqueValues.New(16);
        var seconds = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var value = _protector.Protect(string.Join('\n', sessionId, user.UserId, seconds, seconds));
        http.Response.Cookies.Append(CookieName, value, Options(now + _lifetime));
        return new SignInSession(sessionId, user, DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()), now + _lifetime);
    }

    /// <summary>Ends the browser's session: its id is recorded as ended and the cookie deleted. Returns the ended session id, if any.</summary>
    public async ValueTask<string?> EndAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var ticket = ReadTicket(http);
        if (ticket is not { } t)
        {
            return null;
        }

        await _ended.EndAsync(t.SessionId, t.Issued + _lifetime, cancellationToken).ConfigureAwait(false);
        http.Response.Cookies.Delete(CookieName, Options(null));
        return t.SessionId;
    }

    private CookieOptions Options(DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        Secure = _secure,

        // Lax: sent on the top-level GET that brings the user back from a client, never on cross-site POSTs.
        SameSite = SameSiteMode.Lax,
        Path = CookiePath,
        Expires = expires,
        IsEssential = true,
    };

    private (string SessionId, string UserId, DateTimeOffset AuthTime, DateTimeOffset Issued)? ReadTicket(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value) || value.Length > 4096)
        {
            return null;
        }

        string plain;
        try
        {
            plain = _protector.Unprotect(value);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parts = plain.Split('\n');
        return parts.Length == 4 && parts[0].Length > 0 && parts[1].Length > 0
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var authTime)
            && long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var issued)
            && authTime <= 253402300799 && issued <= 253402300799
                ? (parts[0], parts[1], DateTimeOffset.FromUnixTimeSeconds(authTime), DateTimeOffset.FromUnixTimeSeconds(issued))
                : null;
    }
}
