using System.Numerics;

namespace GovAuthZ.LoadGen.Histograms;

/// <summary>
/// A log-linear histogram of non-negative integer values (latencies in nanoseconds here), in the manner
/// of HDR histograms: values below 2^p are counted exactly; above, every power-of-two range [2^m, 2^(m+1))
/// is split into 2^(p-1) equal sub-buckets. A bucket is therefore never wider than 2^(1-p) of the values
/// in it, so any value reported from it (its midpoint) is within <see cref="MaxRelativeError"/> (2^-p) of
/// every value counted there. Memory is fixed at construction; <see cref="Record"/> is O(1) and never
/// allocates.
/// <para>Not thread-safe: each load worker records into its own instance and the results are merged.</para>
/// </summary>
internal sealed class LatencyHistogram
{
    /// <summary>p = 8: buckets at most 0.78 % wide, reported values within 0.39 %.</summary>
    public const int DefaultSubBucketBits = 8;

    /// <summary>2^40 ns is about 18 minutes, far beyond any call timeout.</summary>
    public const long DefaultHighestTrackable = 1L << 40;

    private readonly int _subBucketBits;
    private readonly int _halfCount;
    private readonly long _linearLimit;
    private readonly long[] _counts;
    private long _count;
    private long _sum;
    private long _min = long.MaxValue;
    private long _max;
    private long _clamped;

    public LatencyHistogram(int subBucketBits = DefaultSubBucketBits, long highestTrackable = DefaultHighestTrackable)
    {
        // Below 2 bits the linear region has no halves to split; above 20 the counts array grows past
        // what a latency histogram needs.
        ArgumentOutOfRangeException.ThrowIfLessThan(subBucketBits, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(subBucketBits, 20);
        ArgumentOutOfRangeException.ThrowIfLessThan(highestTrackable, 1L << subBucketBits);
        _subBucketBits = subBucketBits;
        _halfCount = 1 << (subBucketBits - 1);
        _linearLimit = 1L << subBucketBits;
        HighestTrackable = highestTrackable;
        _counts = new long[IndexOf(highestTrackable) + 1];
    }

    public int SubBucketBits => _subBucketBits;

    public long HighestTrackable { get; }

    /// <summary>The bound on |reported - true| / true for any percentile: 2^-p.</summary>
    public double MaxRelativeError => 1.0 / _linearLimit;

    public int BucketCount => _counts.Length;

    public long Count => _count;

    /// <summary>Smallest value recorded, exact (not bucketed); 0 when empty.</summary>
    public long Min => _count == 0 ? 0 : _min;

    /// <summary>Largest value recorded, exact (not bucketed); 0 when empty.</summary>
    public long Max => _max;

    /// <summary>Arithmetic mean of the exact values recorded; 0 when empty.</summary>
    public double Mean => _count == 0 ? 0 : (double)_sum / _count;

    /// <summary>Values above <see cref="HighestTrackable"/>, counted in the top bucket (Max stays exact).</summary>
    public long ClampedCount => _clamped;

    public void Record(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        var bucketed = value;
        if (value > HighestTrackable)
        {
            bucketed = HighestTrackable;
            _clamped++;
        }

        _counts[IndexOf(bucketed)]++;
        _count++;
        _sum += value;
        if (value < _min)
        {
            _min = value;
        }

        if (value > _max)
        {
            _max = value;
        }
    }

    /// <summary>
    /// The value at a quantile (0..1) by the nearest-rank definition: the smallest recorded value with at
    /// least that fraction of the values at or below it, reported as its bucket's midpoint, kept within
    /// [Min, Max]; the first and last ranks are the exact Min and Max. A value above
    /// <see cref="HighestTrackable"/> counts as HighestTrackable except in Max.
    /// </summary>
    public long ValueAtQuantile(double quantile)
    {
        if (double.IsNaN(quantile) || quantile < 0 || quantile > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(quantile), quantile, "a quantile lies between 0 and 1");
        }

        if (_count == 0)
        {
            return 0;
        }

        // The extreme ranks are the exact extremes, even for values clamped into the top bucket.
        var rank = NearestRank(quantile, _count);
        if (rank == _count)
        {
            return _max;
        }

        if (rank == 1)
        {
            return _min;
        }

        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return Math.Clamp(Midpoint(i), Min, Max);
            }
        }

        return Max;
    }

    /// <summary>Adds another histogram's counts; both must have the same layout.</summary>
    public void Add(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._subBucketBits != _subBucketBits || other.HighestTrackable != HighestTrackable)
        {
            throw new ArgumentException("histograms with different precision or range cannot be merged", nameof(other));
        }

        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        _count += other._count;
        _sum += other._sum;
        _clamped += other._clamped;
        _min = Math.Min(_min, other._min);
        _max = Math.Max(_max, other._max);
    }

    public void Reset()
    {
        Array.Clear(_counts);
        _count = 0;
        _sum = 0;
        _clamped = 0;
        _min = long.MaxValue;
        _max = 0;
    }

    /// <summary>
    /// 1-based nearest rank, ceil(q * n), at least 1. The product is nudged down by a few ulps first so that
    /// 0.99 * 100 (which is 99.00000000000001 in binary floating point) is rank 99, not 100.
    /// </summary>
    public static long NearestRank(double quantile, long count)
    {
        var product = quantile * count;
        var rank = (long)Math.Ceiling(product - (Math.Abs(product) * 1e-12));
        return Math.Clamp(rank, 1, count);
    }

    internal int IndexOf(long value)
    {
        if (value < _linearLimit)
        {
            return (int)value;
        }

        // value in [2^m, 2^(m+1)) with m >= p: shift it down to p significant bits, whose top bit is set,
        // so (value >> shift) lies in [2^(p-1), 2^p) and consecutive shifts tile the index space.
        var shift = (63 - BitOperations.LeadingZeroCount((ulong)value)) - (_subBucketBits - 1);
        return (shift * _halfCount) + (int)(value >> shift);
    }

    internal long LowerBound(int index)
    {
        if (index < _linearLimit)
        {
            return index;
        }

        var shift = (index / _halfCount) - 1;
        return (long)(index - (shift * _halfCount)) << shift;
    }

    internal long Width(int index) => index < _linearLimit ? 1 : 1L << ((index / _halfCount) - 1);

    private long Midpoint(int index) => LowerBound(index) + (Width(index) >> 1);
}
