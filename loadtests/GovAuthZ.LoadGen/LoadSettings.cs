using GovAuthZ.LoadGen.Scenarios;

namespace GovAuthZ.LoadGen;

/// <summary>One run's settings, as parsed from the command line.</summary>
internal sealed record LoadSettings
{
    public const int DefaultVariants = 64;

    public static readonly Uri DefaultGrpcTarget = new("http://127.0.0.1:8081");
    public static readonly Uri DefaultRestTarget = new("http://127.0.0.1:8080");

    /// <summary>Base URL of the listener (gRPC: the h2c port; REST: the HTTP port).</summary>
    public Uri Target { get; init; } = DefaultGrpcTarget;

    public TransportKind Transport { get; init; } = TransportKind.Grpc;

    public ScenarioKind Scenario { get; init; } = ScenarioKind.Check;

    public RunMode Mode { get; init; } = RunMode.Closed;

    /// <summary>Workers, each with one call outstanding at a time; 1 means one call at a time in total.</summary>
    public int Concurrency { get; init; } = 1;

    /// <summary>HTTP/2 connections the gRPC workers share (REST opens one per concurrent call).</summary>
    public int Connections { get; init; } = 1;

    /// <summary>Calls made before measuring starts and then discarded (JIT, connection, caches).</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long to measure, unless <see cref="Count"/> is set.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Measure this many calls (over all workers) instead of a duration.</summary>
    public long? Count { get; init; }

    /// <summary>Distinct requests of the check-varied scenario.</summary>
    public int Variants { get; init; } = DefaultVariants;

    /// <summary>Per-call limit; a call that takes longer is an error.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Print JSON on standard output instead of the table.</summary>
    public bool Json { get; init; }

    /// <summary>Also write the JSON report to this file.</summary>
    public string? JsonFile { get; init; }

    /// <summary>The client of the token scenario: the development client seeded on loopback servers.</summary>
    public string ClientId { get; init; } = "pep-demo";

    public string ClientSecret { get; init; } = "dev-only-pep-demo-secret-do-not-deploy-0001";

    /// <summary>Scope the token scenario asks for; empty asks for none (the client's default).</summary>
    public string Scope { get; init; } = "decision:check";

    /// <summary>Write the scenario's first request body here and exit instead of running.</summary>
    public string? SaveRequest { get; init; }
}
