namespace GovAuthZ.Tokens.Keys;

/// <summary>
/// Pure rules over stored key records, shared by every ring operation. A key signs from its SigningFrom
/// until the next key's SigningFrom, and is removed a retirement window after that; nothing else about
/// the lifecycle is stored.
/// </summary>
internal static class KeySetRules
{
    public static bool HasSigner(IReadOnlyList<SigningKeyRecord> records, DateTimeOffset now)
    {
        foreach (var record in records)
        {
            if (record.SigningFrom <= now)
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsRotationDue(IReadOnlyList<SigningKeyRecord> records, DateTimeOffset now, TimeSpan rotationInterval)
    {
        DateTimeOffset? newest = null;
        foreach (var record in records)
        {
            if (newest is null || record.SigningFrom > newest)
            {
                newest = record.SigningFrom;
            }
        }

        // A successor already waiting (newest starts in the future) means a rotation is under way.
        return newest is null || (newest <= now && now - newest.Value >= rotationInterval);
    }

    public static List<SigningKeyRecord> WithoutRemoved(IReadOnlyList<SigningKeyRecord> records, DateTimeOffset now, TimeSpan retirementWindow)
    {
        var kept = new List<SigningKeyRecord>(records.Count + 1);
        foreach (var record in records)
        {
            if (!IsRemovedAt(records, record, now, retirementWindow))
            {
                kept.Add(record);
            }
        }

        return kept;
    }

    private static bool IsRemovedAt(IReadOnlyList<SigningKeyRecord> records, SigningKeyRecord record, DateTimeOffset now, TimeSpan retirementWindow)
    {
        DateTimeOffset? retiresAt = null;
        foreach (var other in records)
        {
            if (other.SigningFrom > record.SigningFrom && (retiresAt is null || other.SigningFrom < retiresAt))
            {
                retiresAt = other.SigningFrom;
            }
        }

        return retiresAt is not null && now >= retiresAt + retirementWindow;
    }

    public static List<SigningKeyRecord>? Revoke(IReadOnlyList<SigningKeyRecord> records, string keyId, DateTimeOffset now, Func<DateTimeOffset, SigningKeyRecord> createSigner)
    {
        var signer = SignerOf(records, now);
        var kept = new List<SigningKeyRecord>(records.Count);
        foreach (var record in records)
        {
            if (!string.Equals(record.KeyId, keyId, StringComparison.Ordinal))
            {
                kept.Add(record);
            }
        }

        if (kept.Count == records.Count)
        {
            return null;
        }

        // Revoking the signer must not hand signing back to an older, retired key.
        if (signer is not null && string.Equals(signer.KeyId, keyId, StringComparison.Ordinal))
        {
            PromoteOrCreate(kept, now, createSigner);
        }

        return kept;
    }

    private static SigningKeyRecord? SignerOf(IReadOnlyList<SigningKeyRecord> records, DateTimeOffset now)
    {
        SigningKeyRecord? signer = null;
        foreach (var record in records)
        {
            if (record.SigningFrom <= now && (signer is null || record.SigningFrom > signer.SigningFrom))
            {
                signer = record;
            }
        }

        return signer;
    }

    private static void PromoteOrCreate(List<SigningKeyRecord> kept, DateTimeOffset now, Func<DateTimeOffset, SigningKeyRecord> createSigner)
    {
        var pending = -1;
        for (var i = 0; i < kept.Count; i++)
        {
            if (kept[i].SigningFrom > now && (pending < 0 || kept[i].SigningFrom < kept[pending].SigningFrom))
            {
                pending = i;
            }
        }

        if (pending >= 0)
        {
            kept[pending] = kept[pending] with { SigningFrom = now };
            return;
        }

        kept.Add(createSigner(now));
    }
}
