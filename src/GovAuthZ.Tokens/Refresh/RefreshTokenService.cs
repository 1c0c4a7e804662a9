using GovAuthZ.Core.Errors;
using GovAuthZ.Tokens.Clients;
using GovAuthZ.Tokens.Issuance;
using GovAuthZ.Tokens.Validation;

namespace GovAuthZ.Tokens.Refresh;

/// <summary>
/// Issues, rotates and revokes refresh tokens (RFC 6749 section 6, RFC 9700 section 4.14.2). Tokens are
/// 256 random bits, stored hashed. Every use rotates the token; presenting a token that was already
/// rotated revokes its whole family (every refresh token and every access token issued from the grant),
/// since either the client or an attacker holds a stolen copy and the server cannot tell which.
/// Thread-safe; create once.
/// </summary>
public sealed class RefreshTokenService
{
    private readonly IRefreshTokenStore _store;
    private readonly IRevokedTokenStore _revoked;
    private readonly AccessTokenIssuer _issuer;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly TimeSpan _familyLifetime;

    public RefreshTokenService(TokenOptions options, IRefreshTokenStore store, IRevokedTokenStore revokedTokens, AccessTokenIssuer issuer, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _revoked = revokedTokens ?? throw new ArgumentNullException(nameof(revokedTokens));
        _issuer = issuer ?? throw new ArgumentNullException(nameof(issuer));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _lifetime = options.RefreshTokenLifetime;
        _familyLifetime = options.RefreshTokenFamilyLifetime;
    }

    /// <summary>
    /// A refresh token for a new grant (<paramref name="familyId"/> null starts a family), bound to the
    /// client. Pass the access token issued in the same response so that revoking the family revokes it.
    /// </summary>
    public async ValueTask<IssuedRefreshToken> IssueAsync(
        OAuthClient client, string subject, IReadOnlyList<string> scopes, OfficialAttributes? official,
        string? familyId = null, IssuedToken? accessToken = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(subject);
        ArgumentNullException.ThrowIfNull(scopes);
        var now = _time.GetUtcNow();
        var token = NewToken();
        var familyExpires = now + _familyLifetime;
        var record = new RefreshTokenRecord
        {
            TokenHash = Hash(token),
            FamilyId = familyId ?? NewToken(),
            ClientId = client.ClientId,
            Subject = subject,
            Scopes = [.. scopes],
            Official = official,
            IssuedAt = now,
            ExpiresAt = Min(now + _lifetime, familyExpires),
            FamilyExpiresAt = familyExpires,
        };
        FamilyAccessToken? access = accessToken is null ? null : new FamilyAccessToken(accessToken.TokenId, accessToken.ExpiresAt);
        await _store.CreateAsync(record, access, cancellationToken).ConfigureAwait(false);
        return new IssuedRefreshToken(token, record.FamilyId, record.ExpiresAt);
    }

    /// <summary>
    /// The refresh grant: checks the token against <paramref name="client"/>, narrows the scope, issues an
    /// access token and rotates. <paramref name="requestedScopes"/> null keeps the grant's scope.
    /// </summary>
    public async ValueTask<RefreshResult> RefreshAsync(OAuthClient client, string token, IReadOnlyList<string>? requestedScopes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(token);
        var record = await _store.FindAsync(Hash(token), cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var error = Check(record, client, now);
        if (error == ErrorCode.RefreshTokenReused)
        {
            await RevokeFamilyAsync(record!.FamilyId, now, cancellationToken).ConfigureAwait(false);
        }

        if (error != ErrorCode.None)
        {
            return RefreshResult.Failure(error);
        }

        var scopes = requestedScopes ?? record!.Scopes;
        if (!OrdinalList.ContainsAll(record!.Scopes, scopes))
        {
            return RefreshResult.Failure(ErrorCode.RefreshTokenScopeWidened);
        }

        // Signed before the rotation commits, so its jti is stored with the successor in one step and a
        // concurrent family revocation cannot miss it. If the rotation loses, the token is never sent.
        var access = _issuer.Issue(new AccessTokenDescriptor { Subject = record.Subject, ClientId = record.ClientId, Scopes = scopes, Official = record.Official });
        var next = NewToken();
        var successor = record with
        {
            TokenHash = Hash(next),
            IssuedAt = now,
            ExpiresAt = Min(now + _lifetime, record.FamilyExpiresAt),
            UsedAt = null,
            RevokedAt = null,
        };
        if (!await _store.RotateAsync(record.TokenHash, now, successor, new FamilyAccessToken(access.TokenId, access.ExpiresAt), cancellationToken).ConfigureAwait(false))
        {
            // Another request rotated it first: this presentation is a reuse (RFC 9700 4.14.2).
            await RevokeFamilyAsync(record.FamilyId, now, cancellationToken).ConfigureAwait(false);
            return RefreshResult.Failure(ErrorCode.RefreshTokenReused);
        }

        return RefreshResult.Success(access, new IssuedRefreshToken(next, record.FamilyId, successor.ExpiresAt), scopes);
    }

    /// <summary>
    /// RFC 7009: revokes the refresh token's family, refresh and access tokens alike (section 2.1), if the
    /// token was issued to <paramref name="caller"/>. Returns whether something was revoked.
    /// </summary>
    public async ValueTask<bool> RevokeAsync(string? token, OAuthClient caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        var record = await _store.FindAsync(Hash(token), cancellationToken).ConfigureAwait(false);
        if (record is null || !string.Equals(record.ClientId, caller.ClientId, StringComparison.Ordinal))
        {
            return false;
        }

        await RevokeFamilyAsync(record.FamilyId, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Revokes a whole family, refresh and access tokens alike: used when the authorization code that
    /// started it is replayed (RFC 6749 4.1.2, RFC 9700 4.14.2). Unknown families are ignored.
    /// </summary>
    public ValueTask RevokeFamilyAsync(string familyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(familyId);
        return RevokeFamilyAsync(familyId, _time.GetUtcNow(), cancellationToken);
    }

    /// <summary>base64url(SHA-256(token)): the key a token is stored under.</summary>
    public static string Hash(string token) => OpaqueValues.Sha256(token);

    private static ErrorCode Check(RefreshTokenRecord? record, OAuthClient client, DateTimeOffset now)
    {
        if (record is null)
        {
            return ErrorCode.RefreshTokenUnknown;
        }

        // RFC 6749 section 6: the token is bound to the client it was issued to.
        if (!string.Equals(record.ClientId, client.ClientId, StringComparison.Ordinal))
        {
            return ErrorCode.RefreshTokenClientMismatch;
        }

        return record.RevokedAt is not null ? ErrorCode.RefreshTokenRevoked
            : record.UsedAt is not null ? ErrorCode.RefreshTokenReused
            : now >= record.ExpiresAt ? ErrorCode.RefreshTokenExpired
            : ErrorCode.None;
    }

    private async ValueTask RevokeFamilyAsync(string familyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var accessTokens = await _store.RevokeFamilyAsync(familyId, now, cancellationToken).ConfigureAwait(false);
        foreach (var access in accessTokens)
        {
            if (access.ExpiresAt > now)
            {
                await _revoked.RevokeAsync(access.TokenId, access.ExpiresAt, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static string NewToken() => OpaqueValues.New(32);
}

/// <summary>A refresh token as sent to the client, with its family and expiry.</summary>
public sealed record IssuedRefreshToken(string Token, string FamilyId, DateTimeOffset ExpiresAt);

/// <summary>The outcome of a refresh: the new access and refresh tokens, or the reason it was refused.</summary>
public sealed class RefreshResult
{
    private RefreshResult(IssuedToken? access, IssuedRefreshToken? refresh, IReadOnlyList<string> scopes, ErrorCode code)
    {
        AccessToken = access;
        RefreshToken = refresh;
        Scopes = scopes;
        Code = code;
    }

    public IssuedToken? AccessToken { get; }

    public IssuedRefreshToken? RefreshToken { get; }

    public IReadOnlyList<string> Scopes { get; }

    public ErrorCode Code { get; }

    internal static RefreshResult Success(IssuedToken access, IssuedRefreshToken refresh, IReadOnlyList<string> scopes) => new(access, refresh, scopes, ErrorCode.None);

    internal static RefreshResult Failure(ErrorCode code) => new(null, null, [], code);
}
