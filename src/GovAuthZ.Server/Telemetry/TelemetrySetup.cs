using GovAuthZ.Server.Configuration;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace GovAuthZ.Server.Telemetry;

/// <summary>
/// Exports metrics over OTLP when <c>GovAuthZ:Telemetry:OtlpEndpoint</c> is set; otherwise registers
/// nothing, so by default no SDK listens and the instruments cost nothing. Besides the GovAuthZ meters it
/// exports the meters ASP.NET Core and the runtime already publish (requests, connections, GC, thread
/// pool): on .NET 10 those are built in, so no instrumentation package is needed for them.
/// </summary>
internal static class TelemetrySetup
{
    public const string GrpcProtocol = "grpc";
    public const string HttpProtobufProtocol = "http/protobuf";
    public const string ServiceName = "govauthz";

    /// <summary>Every meter that is exported: ours first, then the host's.</summary>
    public static readonly string[] Meters =
    [
        DecisionMetrics.MeterName,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "System.Runtime",
    ];

    /// <summary>Adds the OpenTelemetry metrics pipeline with an OTLP exporter; true when export was configured.</summary>
    public static bool AddMetricsExport(IServiceCollection services, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.OtlpEndpoint))
        {
            return false;
        }

        var protocol = ProtocolOf(options.OtlpProtocol);
        var endpoint = EndpointOf(options.OtlpEndpoint, protocol);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter(Meters)
                .AddOtlpExporter(exporter =>
                {
                    exporter.Endpoint = endpoint;
                    exporter.Protocol = protocol;
                }));
        return true;
    }

    private static OtlpExportProtocol ProtocolOf(string name) => name switch
    {
        GrpcProtocol => OtlpExportProtocol.Grpc,
        HttpProtobufProtocol => OtlpExportProtocol.HttpProtobuf,
        _ => throw new InvalidOperationException(
            $"GovAuthZ:Telemetry:OtlpProtocol '{name}' is not supported; use '{GrpcProtocol}' or '{HttpProtobufProtocol}'"),
    };

    // A programmatic endpoint is used as given; only the OTEL_* variables get the signal path appended by
    // the exporter, so for http/protobuf it is added here when the operator gave just the collector's root.
    private static Uri EndpointOf(string text, OtlpExportProtocol protocol)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException($"GovAuthZ:Telemetry:OtlpEndpoint '{text}' is not an absolute http or https URL");
        }

        return protocol == OtlpExportProtocol.HttpProtobuf && endpoint.AbsolutePath == "/"
            ? new Uri(endpoint, "v1/metrics")
            : endpoint;
    }
}
