using System.Globalization;
using BenchmarkDotNet.Attributes;
using GovAuthZ.Caching;

namespace GovAuthZ.Benchmarks;

/// <summary>
/// Raw lookups in the in-process decision cache: a table of 100,000 slots holding 50,000 keys shaped like
/// real check keys (about 130 bytes). A hit compares the full key bytes and allocates nothing.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class DecisionCacheLookup
{
    private const int Keys = 50_000;
    private IDecisionCache<object> _cache = null!;
    private byte[] _present = [];
    private byte[] _absent = [];
    private byte[] _stale = [];

    [GlobalSetup]
    public void Setup()
    {
        _cache = DecisionCache.CreateInProcess<object>(new DecisionCacheOptions { Capacity = 100_000 });
        var value = new object();
        for (var i = 0; i < Keys; i++)
        {
            _cache.Store(KeyOf(i), new VersionStamp(i == 7 ? 1 : 2), value);
        }

        _present = KeyOf(Keys / 2);
        _absent = KeyOf(Keys + 1);
        _stale = KeyOf(7);
        if (!_cache.TryGet(_present, 2, out _) || _cache.TryGet(_absent, 2, out _) || _cache.TryGet(_stale, 2, out _))
        {
            throw new InvalidOperationException("the cache does not answer as the benchmark assumes");
        }
    }

    [Benchmark(Baseline = true)]
    public bool Hit() => _cache.TryGet(_present, 2, out _);

    [Benchmark]
    public bool Miss() => _cache.TryGet(_absent, 2, out _);

    [Benchmark]
    public bool StaleRevision() => _cache.TryGet(_stale, 2, out _);

    // Laid out as the server lays out a check key: tags, length-prefixed strings, fixed-width numbers.
    private static byte[] KeyOf(int i)
    {
        Span<byte> buffer = stackalloc byte[256];
        var writer = new CacheKeyWriter(buffer);
        writer.WriteByte(1);
        writer.WriteByte(1);
        writer.WriteString("official:wang-" + i.ToString(CultureInfo.InvariantCulture));
        writer.WriteString("civil_affairs_nj");
        writer.WriteInt32(3);
        writer.WriteString("320100");
        writer.WriteInt32(2);
        writer.WriteString(string.Empty);
        writer.WriteByte(1);
        writer.WriteString("ds_hr_social_insurance_nj");
        writer.WriteString("read");
        writer.WriteString("social-assistance-eligibility");
        writer.WriteString("citizen:" + i.ToString("D8", CultureInfo.InvariantCulture));
        return writer.Written.ToArray();
    }
}
