using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GovAuthZ.Server.Telemetry;

/// <summary>Which front end a decision came through; a tag on every decision instrument.</summary>
internal enum DecisionTransport
{
    /// <summary>Called in-process (tests, benchmarks, a future embedded use).</summary>
    InProcess,
    Rest,
    Grpc,
}

/// <summary>How the decision cache took part in a decision.</summary>
internal enum CacheUse
{
    /// <summary>Not consulted: the cache is off, the key could not be written, or no policy is loaded.</summary>
    None,
    Hit,
    Miss,
}

/// <summary>
/// The decision instruments, on the meter <see cref="MeterName"/>: decisions by outcome and transport,
/// cache lookups by result, and decision latency in seconds (OpenTelemetry semantic conventions use
/// seconds for durations). Costs nothing without a listener: every record checks the instrument's
/// <c>Enabled</c> first, the clock is read only when the histogram is listened to, and tags travel in
/// <see cref="TagList"/> or as single pairs, never in allocated arrays.
/// </summary>
internal sealed class DecisionMetrics
{
    public const string MeterName = "GovAuthZ.Decisions";
    public const string DecisionsName = "govauthz.decisions";
    public const string CacheLookupsName = "govauthz.decision.cache.lookups";
    public const string DurationName = "govauthz.decision.duration";

    public const string OutcomeTag = "outcome";
    public const string TransportTag = "transport";
    public const string CacheTag = "cache";
    public const string ResultTag = "result";

    public const string Allow = "allow";
    public const string Deny = "deny";
    public const string Hit = "hit";
    public const string Miss = "miss";
    public const string NoCache = "none";

    // Decisions take microseconds; the SDK's default buckets (0..10000, meant for milliseconds) would
    // put every one of them in the first bucket.
    private static readonly double[] DurationBuckets =
        [0.000_002, 0.000_005, 0.000_01, 0.000_025, 0.000_05, 0.000_1, 0.000_25, 0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1];

    private readonly Counter<long> _decisions;
    private readonly Counter<long> _lookups;
    private readonly Histogram<double> _duration;
    private readonly TimeProvider _time;

    public DecisionMetrics(IMeterFactory meters, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(time);
        var meter = meters.Create(MeterName);
        _decisions = meter.CreateCounter<long>(DecisionsName, "{decision}", "Checks decided, by outcome and transport.");
        _lookups = meter.CreateCounter<long>(CacheLookupsName, "{lookup}", "Decision cache lookups, by result.");
        _duration = meter.CreateHistogram(
            DurationName,
            "s",
            "Time to decide one check, from request message to response message.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _time = time;
    }

    /// <summary>A timestamp to pass to <see cref="Decided"/>; 0 (and no clock read) when latency is not listened to.</summary>
    public long Start() => _duration.Enabled ? _time.GetTimestamp() : 0;

    public void CacheLookup(bool hit)
    {
        if (_lookups.Enabled)
        {
            _lookups.Add(1, new KeyValuePair<string, object?>(ResultTag, hit ? Hit : Miss));
        }
    }

    public void Decided(bool allowed, DecisionTransport transport, CacheUse cache, long started)
    {
        if (_decisions.Enabled)
        {
            _decisions.Add(1, new(OutcomeTag, allowed ? Allow : Deny), new(TransportTag, NameOf(transport)));
        }

        if (started != 0 && _duration.Enabled)
        {
            var tags = new TagList
            {
                { OutcomeTag, allowed ? Allow : Deny },
                { TransportTag, NameOf(transport) },
                { CacheTag, NameOf(cache) },
            };
            _duration.Record(_time.GetElapsedTime(started).TotalSeconds, in tags);
        }
    }

    private static string NameOf(DecisionTransport transport) => transport switch
    {
        DecisionTransport.Rest => "rest",
        DecisionTransport.Grpc => "grpc",
        _ => "inproc",
    };

    private static string NameOf(CacheUse cache) => cache switch
    {
        CacheUse.Hit => Hit,
        CacheUse.Miss => Miss,
        _ => NoCache,
    };
}
