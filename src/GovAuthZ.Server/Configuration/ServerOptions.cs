using GovAuthZ.Server.Telemetry;

namespace GovAuthZ.Server.Configuration;

/// <summary>
/// Settings bound from the <c>GovAuthZ</c> configuration section (environment form
/// <c>GovAuthZ__Http__Url</c> and so on). Every default here is what the server runs with when nothing
/// is configured, so a fresh checkout starts without any settings file.
/// </summary>
internal sealed class ServerOptions
{
    public const string SectionName = "GovAuthZ";

    public HttpEndpointOptions Http { get; set; } = new();

    public GrpcEndpointOptions Grpc { get; set; } = new();

    public DecisionOptions Decision { get; set; } = new();

    public PolicyOptions Policy { get; set; } = new();

    public AuthOptions Auth { get; set; } = new();

    public TelemetryOptions Telemetry { get; set; } = new();

    /// <summary>Folder holding model.conf, policy.csv and the catalogs; relative to the working folder.</summary>
    public string PolicyDir { get; set; } = "policies";

    /// <summary>Folder for the local store and audit log; relative to the working folder.</summary>
    public string DataDir { get; set; } = "data";

    /// <summary>Reads the section, falling back to the defaults for every key that is absent.</summary>
    public static ServerOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(SectionName).Get<ServerOptions>() ?? new ServerOptions();
    }
}

internal sealed class HttpEndpointOptions
{
    /// <summary>Loopback by default: exposing the decision point is a deliberate deployment choice.</summary>
    public string Url { get; set; } = "http://127.0.0.1:8080";
}

internal sealed class GrpcEndpointOptions
{
    /// <summary>The gRPC listener (HTTP/2 only, plain text); loopback by default.</summary>
    public string Url { get; set; } = "http://127.0.0.1:8081";
}

internal sealed class DecisionOptions
{
    /// <summary>Most checks one batch may hold; bounds the work and memory a single request can demand.</summary>
    public int MaxBatch { get; set; } = 100;

    /// <summary>
    /// Largest request accepted, in bytes: a gRPC message (after decompression) or a REST body. One limit
    /// for both transports, so a request one of them accepts is never refused by the other for its size.
    /// The default is gRPC's customary 4 MiB.
    /// </summary>
    public int MaxRequestBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// Most decisions the in-process cache holds; 0 turns the cache off. An entry is a few hundred bytes,
    /// so the default costs tens of megabytes at most.
    /// </summary>
    public int CacheEntries { get; set; } = 100_000;
}

internal sealed class PolicyOptions
{
    /// <summary>
    /// Quiet time after the last change in the policy folder before a reload starts. Editors and deploy
    /// tools write several files (and often write one file in steps), so reloading on the first event
    /// would validate a half-written revision.
    /// </summary>
    public int ReloadDebounceMs { get; set; } = 250;

    /// <summary>
    /// Reload when the folder changes. Off for deployments that publish revisions only through
    /// <c>POST /admin/reload</c>, so a half-finished copy is never picked up on its own.
    /// </summary>
    public bool WatchForChanges { get; set; } = true;
}

internal sealed class TelemetryOptions
{
    /// <summary>
    /// OTLP collector to export metrics to, e.g. <c>http://127.0.0.1:4317</c>. Unset (the default): the
    /// instruments exist for in-process listeners (dotnet-counters) but nothing is exported.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>
    /// <c>grpc</c> (default, usually port 4317) or <c>http/protobuf</c> (usually 4318; the path
    /// <c>/v1/metrics</c> is added when the endpoint has none).
    /// </summary>
    public string OtlpProtocol { get; set; } = TelemetrySetup.GrpcProtocol;
}
