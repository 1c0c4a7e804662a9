using GovAuthZ.Server.Authentication;

namespace GovAuthZ.Server.IntegrationTests.Authentication;

/// <summary>A clock that moves only when a test moves it.</summary>
internal sealed class SettableClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>A verifier that knows a fixed set of tokens and counts how often it is asked.</summary>
internal sealed class CountingVerifier : IAccessTokenVerifier
{
    private readonly Dictionary<string, Caller> _valid = new(StringComparer.Ordinal);
    private readonly HashSet<string> _revoked = new(StringComparer.Ordinal);

    public int Verifications { get; private set; }

    public void Accept(string token, Caller caller) => _valid[token] = caller;

    public void Revoke(string tokenId) => _revoked.Add(tokenId);

    public ValueTask<AccessTokenCheck> VerifyAsync(string token, CancellationToken cancellationToken)
    {
        Verifications++;
        return ValueTask.FromResult(_valid.TryGetValue(token, out var caller)
            ? AccessTokenCheck.Valid(caller)
            : AccessTokenCheck.Invalid("GAZ3001", "signature does not verify"));
    }

    public ValueTask<bool> IsRevokedAsync(string tokenId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_revoked.Contains(tokenId));
}
