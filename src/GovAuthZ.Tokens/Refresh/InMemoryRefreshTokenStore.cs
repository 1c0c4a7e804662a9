namespace GovAuthZ.Tokens.Refresh;

/// <summary>A single-process store for tests and development. One lock makes rotation atomic.</summary>
public sealed class InMemoryRefreshTokenStore : IRefreshTokenStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, RefreshTokenRecord> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FamilyAccessToken>> _accessTokens = new(StringComparer.Ordinal);

    public ValueTask CreateAsync(RefreshTokenRecord record, FamilyAccessToken? accessToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            _tokens.Add(record.TokenHash, record);
            if (accessToken is { } access)
            {
                AddAccessToken(record.FamilyId, access);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<RefreshTokenRecord?> FindAsync(string tokenHash, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_tokens.GetValueOrDefault(tokenHash));
        }
    }

    public ValueTask<bool> RotateAsync(string usedHash, DateTimeOffset usedAt, RefreshTokenRecord successor, FamilyAccessToken accessToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(successor);
        lock (_gate)
        {
            if (!_tokens.TryGetValue(usedHash, out var used) || used.UsedAt is not null || used.RevokedAt is not null)
            {
                return ValueTask.FromResult(false);
            }

            _tokens[usedHash] = used with { UsedAt = usedAt };
            _tokens.Add(successor.TokenHash, successor);
            AddAccessToken(successor.FamilyId, accessToken);
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask<IReadOnlyList<FamilyAccessToken>> RevokeFamilyAsync(string familyId, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var members = new List<RefreshTokenRecord>();
            foreach (var record in _tokens.Values)
            {
                if (record.FamilyId == familyId && record.RevokedAt is null)
                {
                    members.Add(record);
                }
            }

            foreach (var record in members)
            {
                _tokens[record.TokenHash] = record with { RevokedAt = revokedAt };
            }

            IReadOnlyList<FamilyAccessToken> access = _accessTokens.TryGetValue(familyId, out var list) ? [.. list] : [];
            return ValueTask.FromResult(access);
        }
    }

    private void AddAccessToken(string familyId, FamilyAccessToken accessToken)
    {
        if (!_accessTokens.TryGetValue(familyId, out var list))
        {
            list = [];
            _accessTokens.Add(familyId, list);
        }

        list.Add(accessToken);
    }
}
