using System.Diagnostics.Metrics;
using Google.Protobuf;
using BenchmarkDotNet.Attributes;
using GovAuthZ.Caching;
using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.Server.Decisions;
using GovAuthZ.Server.Telemetry;

namespace GovAuthZ.Benchmarks;

/// <summary>
/// DecisionService.Check against the shipped policies/, from request message to response message (no
/// transport): a cache hit, a cache miss (a fresh key each call, so every call maps, decides and
/// stores), the uncached path (cache off), the hit with a metrics listener attached, and Explain, which
/// is what Check did before the fast path. Every variant builds a fresh response with its own decision id.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class DecisionServiceCheck
{
    private const string Request = """
        {"principal":{"official":{"id":"official:wang","department":"civil_affairs_nj","level":"ADMINISTRATIVE_LEVEL_MUNICIPAL","region":"320100","clearance":"DATA_GRADE_IMPORTANT"}},
         "resource":{"datasetId":"ds_hr_social_insurance_nj"},"action":"read","purpose":"social-assistance-eligibility"}
        """;

    private readonly List<IDisposable> _owned = [];
    private CheckRequest _request = null!;
    private CheckRequest[] _distinct = [];
    private int _next;
    private DecisionService _cached = null!;
    private DecisionService _missing = null!;
    private DecisionService _uncached = null!;
    private DecisionService _listened = null!;

    [GlobalSetup]
    public void Setup()
    {
        var store = new PolicyStore(PolicyFolder());
        if (store.Reload().Bundle is null)
        {
            throw new InvalidOperationException("the shipped policies did not load");
        }

        _request = JsonParser.Default.Parse<CheckRequest>(Request);
        _distinct = new CheckRequest[1 << 16];
        for (var i = 0; i < _distinct.Length; i++)
        {
            _distinct[i] = _request.Clone();
            _distinct[i].CitizenId = "citizen:" + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        }

        _cached = Create(store, 100_000, listen: false);
        _missing = Create(store, 64, listen: false);
        _uncached = Create(store, 0, listen: false);
        _listened = Create(store, 100_000, listen: true);
        if (!_cached.Check(_request).Allowed || !_listened.Check(_request).Allowed || !_uncached.Check(_request).Allowed)
        {
            throw new InvalidOperationException("the benchmark request is not allowed by the shipped policies");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }

    [Benchmark(Baseline = true)]
    public CheckResponse Hit() => _cached.Check(_request);

    [Benchmark]
    public CheckResponse Miss() => _missing.Check(_distinct[_next++ & (_distinct.Length - 1)]);

    [Benchmark]
    public CheckResponse Uncached() => _uncached.Check(_request);

    [Benchmark]
    public CheckResponse HitWithMetricsListener() => _listened.Check(_request);

    [Benchmark]
    public ExplainResponse ExplainAsBefore() => _uncached.Explain(_request);

    private DecisionService Create(PolicyStore store, int entries, bool listen)
    {
        var meters = new BenchmarkMeterFactory();
        _owned.Add(meters);
        if (listen)
        {
            var listener = new MeterListener
            {
                InstrumentPublished = (instrument, l) =>
                {
                    if (ReferenceEquals(instrument.Meter.Scope, meters))
                    {
                        l.EnableMeasurementEvents(instrument);
                    }
                },
            };
            listener.SetMeasurementEventCallback<long>(static (_, _, _, _) => { });
            listener.SetMeasurementEventCallback<double>(static (_, _, _, _) => { });
            listener.Start();
            _owned.Add(listener);
        }

        var cache = DecisionCache.CreateInProcess<DecisionResult>(new DecisionCacheOptions { Capacity = entries });
        return new DecisionService(store, TimeProvider.System, 100, cache, new DecisionMetrics(meters, TimeProvider.System));
    }

    private static string PolicyFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GovAuthZ.sln")))
            {
                return Path.Combine(dir.FullName, "policies");
            }
        }

        throw new InvalidOperationException("GovAuthZ.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Meters scoped to one service, so the listener attaches to that service only.</summary>
    private sealed class BenchmarkMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Scope = this });
            _meters.Add(meter);
            return meter;
        }

        public void Dispose()
        {
            foreach (var meter in _meters)
            {
                meter.Dispose();
            }
        }
    }
}
