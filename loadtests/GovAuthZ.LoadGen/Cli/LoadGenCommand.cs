using System.CommandLine;
using GovAuthZ.LoadGen.Scenarios;

namespace GovAuthZ.LoadGen.Cli;

/// <summary>The outcome of reading the command line: settings, or the reasons there are none.</summary>
internal sealed record ParseOutcome(LoadSettings? Settings, IReadOnlyList<string> Errors);

/// <summary>
/// <c>govauthz-loadgen</c>: parses the options, then checks the combinations no single option can
/// (interleaving needs a check scenario, a count excludes a duration, connections are a gRPC setting).
/// </summary>
internal static class LoadGenCommand
{
    public const int UsageError = 2;

    public static RootCommand Create(Func<LoadSettings, CancellationToken, Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var options = new LoadGenOptions();
        var root = new RootCommand("Closed-loop load against the GovAuthZ decision API over gRPC (h2c) or REST, with latency percentiles.");
        foreach (var option in options.All)
        {
            root.Options.Add(option);
        }

        root.SetAction(async (result, cancellationToken) =>
        {
            var outcome = Bind(options, result);
            if (outcome.Settings is null)
            {
                foreach (var error in outcome.Errors)
                {
                    await Console.Error.WriteLineAsync("error: " + error).ConfigureAwait(false);
                }

                return UsageError;
            }

            return await run(outcome.Settings, cancellationToken).ConfigureAwait(false);
        });
        return root;
    }

    /// <summary>Parses without running: for tests, and for anything that wants the settings only.</summary>
    public static ParseOutcome Parse(string[] args)
    {
        var options = new LoadGenOptions();
        var root = new RootCommand();
        foreach (var option in options.All)
        {
            root.Options.Add(option);
        }

        return Bind(options, root.Parse(args));
    }

    private static ParseOutcome Bind(LoadGenOptions options, ParseResult result)
    {
        var errors = new List<string>();
        foreach (var error in result.Errors)
        {
            errors.Add(error.Message);
        }

        if (errors.Count > 0)
        {
            return new ParseOutcome(null, errors);
        }

        var defaults = new LoadSettings();
        var transport = result.GetValue(options.Transport) ?? defaults.Transport;
        var duration = result.GetValue(options.Duration);
        var variants = result.GetValue(options.Variants);
        var settings = new LoadSettings
        {
            Transport = transport,
            Target = result.GetValue(options.Target) ?? (transport == TransportKind.Grpc ? LoadSettings.DefaultGrpcTarget : LoadSettings.DefaultRestTarget),
            Scenario = result.GetValue(options.Scenario) ?? defaults.Scenario,
            Mode = result.GetValue(options.Mode) ?? defaults.Mode,
            Concurrency = result.GetValue(options.Concurrency) ?? defaults.Concurrency,
            Connections = result.GetValue(options.Connections) ?? defaults.Connections,
            Warmup = result.GetValue(options.Warmup) ?? defaults.Warmup,
            Duration = duration ?? defaults.Duration,
            Count = result.GetValue(options.Count),
            Variants = variants ?? defaults.Variants,
            Timeout = result.GetValue(options.Timeout) ?? defaults.Timeout,
            Json = result.GetValue(options.Json),
            JsonFile = result.GetValue(options.JsonFile)?.FullName,
            SaveRequest = result.GetValue(options.SaveRequest)?.FullName,
            ClientId = result.GetValue(options.ClientId) ?? defaults.ClientId,
            ClientSecret = result.GetValue(options.ClientSecret) ?? defaults.ClientSecret,
            Scope = result.GetValue(options.Scope) ?? defaults.Scope,
        };
        CheckCombinations(settings, duration is not null, variants is not null, errors);
        CheckToken(settings, ClientGiven(result, options), errors);
        return errors.Count > 0 ? new ParseOutcome(null, errors) : new ParseOutcome(settings, errors);
    }

    private static bool ClientGiven(ParseResult result, LoadGenOptions options) =>
        result.GetResult(options.ClientId) is not null || result.GetResult(options.ClientSecret) is not null || result.GetResult(options.Scope) is not null;

    private static void CheckToken(LoadSettings settings, bool clientGiven, List<string> errors)
    {
        if (settings.Scenario == ScenarioKind.Token)
        {
            if (settings.Transport != TransportKind.Rest)
            {
                errors.Add("--scenario token calls the HTTP port: use --transport rest");
            }

            if (settings.Mode == RunMode.Interleaved)
            {
                errors.Add("--mode interleaved compares health with a check scenario, not token");
            }

            if (settings.ClientId.Length == 0 || settings.ClientSecret.Length == 0)
            {
                errors.Add("--client-id and --client-secret cannot be empty");
            }
        }
        else if (clientGiven)
        {
            errors.Add("--client-id, --client-secret and --scope apply to --scenario token only");
        }
    }

    private static void CheckCombinations(LoadSettings settings, bool durationGiven, bool variantsGiven, List<string> errors)
    {
        if (settings.Mode == RunMode.Interleaved && settings.Scenario == ScenarioKind.Health)
        {
            errors.Add("--mode interleaved compares health with a check scenario: use --scenario check or check-varied");
        }

        if (settings.Count is not null && durationGiven)
        {
            errors.Add("give --duration or --count, not both");
        }

        if (settings.Connections > settings.Concurrency)
        {
            errors.Add("--connections cannot exceed --concurrency: a connection without a worker would stay idle");
        }

        if (settings.Transport == TransportKind.Rest && settings.Connections != 1)
        {
            errors.Add("--connections applies to grpc; rest opens one keep-alive connection per worker");
        }

        if (variantsGiven && settings.Scenario != ScenarioKind.CheckVaried)
        {
            errors.Add("--variants applies to --scenario check-varied only");
        }
    }
}
