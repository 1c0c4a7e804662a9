using GovAuthZ.LoadGen.Histograms;

namespace GovAuthZ.LoadGen.Running;

/// <summary>
/// The interleaved figures again, per tenth of the measured time. On a shared machine the difference of
/// two medians moves with whatever else runs; how much it moves from block to block says how far the
/// whole-run difference can be trusted.
/// </summary>
internal sealed class TimeBlocks
{
    public const int Count = 10;

    private readonly LatencyHistogram[][] _blocks;
    private readonly long _measureStart;
    private readonly long _blockTicks;

    public TimeBlocks(int scenarios, long measureStart, long blockTicks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockTicks, 1);
        _measureStart = measureStart;
        _blockTicks = blockTicks;
        _blocks = new LatencyHistogram[Count][];
        for (var b = 0; b < Count; b++)
        {
            _blocks[b] = new LatencyHistogram[scenarios];
            for (var s = 0; s < scenarios; s++)
            {
                _blocks[b][s] = new LatencyHistogram();
            }
        }
    }

    /// <summary>Records a call in the block its start falls in (the last block takes any overrun).</summary>
    public void Record(int scenario, long startTicks, long nanoseconds)
    {
        var block = Math.Min((startTicks - _measureStart) / _blockTicks, Count - 1);
        _blocks[block][scenario].Record(nanoseconds);
    }

    public void Add(TimeBlocks other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var b = 0; b < Count; b++)
        {
            for (var s = 0; s < _blocks[b].Length; s++)
            {
                _blocks[b][s].Add(other._blocks[b][s]);
            }
        }
    }

    /// <summary>Scenario 1 less scenario 0, per block in which both have calls, in microseconds.</summary>
    public BlockDifferences Differences(TimeSpan blockLength)
    {
        var p50 = new List<double>(Count);
        var p99 = new List<double>(Count);
        foreach (var block in _blocks)
        {
            if (block.Length == 2 && block[0].Count > 0 && block[1].Count > 0)
            {
                p50.Add(Difference(block, 0.5));
                p99.Add(Difference(block, 0.99));
            }
        }

        return new BlockDifferences(blockLength, p50, p99);
    }

    private static double Difference(LatencyHistogram[] block, double quantile) =>
        (block[1].ValueAtQuantile(quantile) - block[0].ValueAtQuantile(quantile)) / 1000.0;
}

/// <summary>Per-block differences of an interleaved run, in microseconds, in time order.</summary>
internal sealed record BlockDifferences(TimeSpan BlockLength, IReadOnlyList<double> P50, IReadOnlyList<double> P99)
{
    /// <summary>Smallest, median and largest of a series (the lower median for an even count).</summary>
    public static (double Min, double Median, double Max) Spread(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return (0, 0, 0);
        }

        var sorted = new double[values.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i] = values[i];
        }

        Array.Sort(sorted);
        return (sorted[0], sorted[(sorted.Length - 1) / 2], sorted[^1]);
    }
}
