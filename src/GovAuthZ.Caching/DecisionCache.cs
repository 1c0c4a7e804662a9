namespace GovAuthZ.Caching;

/// <summary>Creates the in-process (L1) decision cache from its settings.</summary>
public static class DecisionCache
{
    /// <summary>A bounded in-process cache, or one that holds nothing when the capacity is 0.</summary>
    public static IDecisionCache<TValue> CreateInProcess<TValue>(DecisionCacheOptions options)
        where TValue : class
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Capacity);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxKeyBytes, 1);
        return options.Capacity == 0
            ? DisabledDecisionCache<TValue>.Instance
            : new MemoryDecisionCache<TValue>(options.Capacity, options.MaxKeyBytes, options.Dependencies);
    }
}
