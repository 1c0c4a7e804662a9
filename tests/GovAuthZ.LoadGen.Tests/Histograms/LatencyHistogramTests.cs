using GovAuthZ.LoadGen.Histograms;

namespace GovAuthZ.LoadGen.Tests.Histograms;

public sealed class LatencyHistogramTests
{
    private static readonly double[] Quantiles = [0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999, 0.9999, 1];

    public static TheoryData<string, int, int> Distributions => new()
    {
        { "uniform", 8, 1 },
        { "uniform", 8, 2 },
        { "log-uniform", 8, 3 },
        { "log-uniform", 8, 4 },
        { "latency", 8, 5 },
        { "latency", 8, 6 },
        { "log-uniform", 4, 7 },
        { "latency", 12, 8 },
    };

    [Theory]
    [MemberData(nameof(Distributions))]
    public void ValueAtQuantile_WhenRandomData_WithinRelativeErrorOfExactPercentile(string distribution, int bits, int seed)
    {
        var values = Sample(distribution, seed, 50_000);
        var histogram = new LatencyHistogram(bits);
        foreach (var value in values)
        {
            histogram.Record(value);
        }

        Array.Sort(values);
        foreach (var quantile in Quantiles)
        {
            var exact = values[LatencyHistogram.NearestRank(quantile, values.Length) - 1];
            var reported = histogram.ValueAtQuantile(quantile);
            Assert.True(
                Math.Abs(reported - exact) <= exact * histogram.MaxRelativeError,
                $"{distribution} q={quantile}: reported {reported}, exact {exact}, bound {histogram.MaxRelativeError:P3}");
        }
    }

    [Fact]
    public void Summary_WhenRandomData_MinMaxMeanAreExact()
    {
        var values = Sample("latency", 11, 10_000);
        var histogram = new LatencyHistogram();
        foreach (var value in values)
        {
            histogram.Record(value);
        }

        Assert.Equal(values.Length, histogram.Count);
        Assert.Equal(values.Min(), histogram.Min);
        Assert.Equal(values.Max(), histogram.Max);
        Assert.Equal(values.Average(), histogram.Mean, precision: 6);
    }

    [Fact]
    public void ValueAtQuantile_WhenValuesBelowLinearLimit_IsExact()
    {
        var histogram = new LatencyHistogram();
        for (var value = 0; value < 256; value++)
        {
            histogram.Record(value);
        }

        for (var rank = 1; rank <= 256; rank++)
        {
            Assert.Equal(rank - 1, histogram.ValueAtQuantile(rank / 256.0));
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    [InlineData(11)]
    public void Buckets_WhenWalkedInOrder_TileTheRangeWithBoundedWidth(int bits)
    {
        var histogram = new LatencyHistogram(bits, 1L << 30);
        var expectedLower = 0L;
        for (var index = 0; index < histogram.BucketCount; index++)
        {
            var lower = histogram.LowerBound(index);
            var width = histogram.Width(index);
            Assert.Equal(expectedLower, lower);
            Assert.Equal(index, histogram.IndexOf(lower));
            Assert.Equal(index, histogram.IndexOf(lower + width - 1));
            Assert.True(width == 1 || width <= lower * 2 * histogram.MaxRelativeError, $"bucket {index} [{lower}, +{width}) is too wide");
            expectedLower = lower + width;
        }

        Assert.True(expectedLower > histogram.HighestTrackable);
    }

    [Fact]
    public void Add_WhenTwoHalvesMerged_EqualsOneHistogramOfAll()
    {
        var values = Sample("log-uniform", 21, 20_000);
        var whole = new LatencyHistogram();
        var first = new LatencyHistogram();
        var second = new LatencyHistogram();
        for (var i = 0; i < values.Length; i++)
        {
            whole.Record(values[i]);
            (i % 3 == 0 ? first : second).Record(values[i]);
        }

        first.Add(second);

        Assert.Equal(whole.Count, first.Count);
        Assert.Equal(whole.Min, first.Min);
        Assert.Equal(whole.Max, first.Max);
        Assert.Equal(whole.Mean, first.Mean, precision: 9);
        foreach (var quantile in Quantiles)
        {
            Assert.Equal(whole.ValueAtQuantile(quantile), first.ValueAtQuantile(quantile));
        }
    }

    [Fact]
    public void Add_WhenOtherIsEmpty_KeepsMinAndCount()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(500);
        histogram.Add(new LatencyHistogram());

        Assert.Equal(1, histogram.Count);
        Assert.Equal(500, histogram.Min);
        Assert.Equal(500, histogram.Max);
    }

    [Fact]
    public void Add_WhenLayoutsDiffer_Throws()
    {
        var histogram = new LatencyHistogram(8);

        Assert.Throws<ArgumentException>(() => histogram.Add(new LatencyHistogram(9)));
        Assert.Throws<ArgumentException>(() => histogram.Add(new LatencyHistogram(8, 1L << 30)));
    }

    [Fact]
    public void Empty_WhenQueried_ReportsZeros()
    {
        var histogram = new LatencyHistogram();

        Assert.Equal(0, histogram.Count);
        Assert.Equal(0, histogram.Min);
        Assert.Equal(0, histogram.Max);
        Assert.Equal(0, histogram.Mean);
        Assert.Equal(0, histogram.ValueAtQuantile(0.99));
    }

    [Fact]
    public void ValueAtQuantile_WhenOneValue_EveryQuantileIsThatValue()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(123_457);

        foreach (var quantile in Quantiles)
        {
            Assert.Equal(123_457, histogram.ValueAtQuantile(quantile));
        }
    }

    [Fact]
    public void Record_WhenAboveHighestTrackable_ClampsBucketButKeepsExactMax()
    {
        var histogram = new LatencyHistogram(8, 1L << 20);
        histogram.Record(10);
        histogram.Record(5L << 20);

        Assert.Equal(1, histogram.ClampedCount);
        Assert.Equal(5L << 20, histogram.Max);
        Assert.Equal(5L << 20, histogram.ValueAtQuantile(1));
        Assert.Equal(2, histogram.Count);
    }

    [Fact]
    public void Record_WhenNegative_Throws()
    {
        var histogram = new LatencyHistogram();

        Assert.Throws<ArgumentOutOfRangeException>(() => histogram.Record(-1));
        Assert.Equal(0, histogram.Count);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void ValueAtQuantile_WhenOutsideZeroToOne_Throws(double quantile)
    {
        var histogram = new LatencyHistogram();
        histogram.Record(1);

        Assert.Throws<ArgumentOutOfRangeException>(() => histogram.ValueAtQuantile(quantile));
    }

    [Theory]
    [InlineData(0.99, 100, 99)]
    [InlineData(0.999, 1000, 999)]
    [InlineData(0.5, 3, 2)]
    [InlineData(0.5, 4, 2)]
    [InlineData(0, 10, 1)]
    [InlineData(1, 10, 10)]
    [InlineData(0.9, 1, 1)]
    public void NearestRank_WhenQuantileAndCount_IsCeilingOfProduct(double quantile, long count, long rank)
    {
        Assert.Equal(rank, LatencyHistogram.NearestRank(quantile, count));
    }

    [Fact]
    public void Record_WhenCalledRepeatedly_AllocatesNothing()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(1);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (long value = 0; value < 100_000; value++)
        {
            histogram.Record(value * 7919);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.Equal(100_001, histogram.Count);
    }

    [Fact]
    public void Reset_WhenRecorded_StartsOver()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(1_000);
        histogram.Record(2_000_000);
        histogram.Reset();
        histogram.Record(42);

        Assert.Equal(1, histogram.Count);
        Assert.Equal(42, histogram.Min);
        Assert.Equal(42, histogram.Max);
        Assert.Equal(42, histogram.ValueAtQuantile(0.99));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(21)]
    public void Constructor_WhenPrecisionOutOfRange_Throws(int bits)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LatencyHistogram(bits));
    }

    /// <summary>Seeded samples: the same values on every run, so a failure reproduces.</summary>
    private static long[] Sample(string distribution, int seed, int count)
    {
        var random = new Random(seed);
        var values = new long[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = distribution switch
            {
                // Nanoseconds from 0 to 1 ms, evenly.
                "uniform" => random.NextInt64(0, 1_000_000),
                // 10 ns to 100 s, evenly per decade: exercises every bucket scale.
                "log-uniform" => (long)Math.Pow(10, 1 + (random.NextDouble() * 10)),
                // Around 100 us with an exponential tail and rare stalls of milliseconds.
                _ => 80_000 + (long)(-30_000 * Math.Log(1 - random.NextDouble())) + (random.Next(1000) == 0 ? random.NextInt64(1_000_000, 50_000_000) : 0),
            };
        }

        return values;
    }
}
