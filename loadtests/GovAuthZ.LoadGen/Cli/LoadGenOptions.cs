using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using GovAuthZ.LoadGen.Scenarios;

namespace GovAuthZ.LoadGen.Cli;

/// <summary>
/// The options of <c>govauthz-loadgen</c>. Each parses and checks its own value, so a bad value is a parse
/// error (exit status 2) before any connection is opened.
/// </summary>
internal sealed class LoadGenOptions
{
    public Option<TransportKind> Transport { get; } = Choice("--transport", "grpc (h2c, HTTP/2 prior knowledge) or rest (JSON over HTTP/1.1 keep-alive)", TransportKind.Grpc, ("grpc", TransportKind.Grpc), ("rest", TransportKind.Rest));

    public Option<Uri?> Target { get; } = new("--target")
    {
        Description = "base URL of the listener (default http://127.0.0.1:8081 for grpc, http://127.0.0.1:8080 for rest)",
        CustomParser = ParseTarget,
    };

    public Option<ScenarioKind> Scenario { get; } = Choice("--scenario", "health, check (one fixed request) or check-varied (rotating over --variants requests)", ScenarioKind.Check, (ScenarioNames.Health, ScenarioKind.Health), (ScenarioNames.Check, ScenarioKind.Check), (ScenarioNames.CheckVaried, ScenarioKind.CheckVaried));

    public Option<RunMode> Mode { get; } = Choice("--mode", "closed (back-to-back calls) or interleaved (each worker alternates health and the scenario on the same connection)", RunMode.Closed, ("closed", RunMode.Closed), ("interleaved", RunMode.Interleaved));

    public Option<int> Concurrency { get; } = Whole("--concurrency", "workers with one call outstanding each; 1 = one call at a time", 1, 1, 4096, "-c");

    public Option<int> Connections { get; } = Whole("--connections", "HTTP/2 connections the gRPC workers share (worker i uses connection i mod n)", 1, 1, 256);

    public Option<TimeSpan> Warmup { get; } = TimeOption("--warmup", "time before measuring; its calls are discarded (e.g. 5s, 500ms, 0)", TimeSpan.FromSeconds(5), allowZero: true);

    public Option<TimeSpan> Duration { get; } = TimeOption("--duration", "how long to measure (e.g. 20s, 2m)", TimeSpan.FromSeconds(20), allowZero: false, "-d");

    public Option<long?> Count { get; } = new("--count", "-n")
    {
        Description = "measure this many calls (over all workers) instead of a duration",
        CustomParser = ParseCount,
    };

    public Option<int> Variants { get; } = Whole("--variants", "distinct requests of check-varied", LoadSettings.DefaultVariants, 1, 1_000_000);

    public Option<TimeSpan> Timeout { get; } = TimeOption("--timeout", "per-call limit; a slower call counts as an error", TimeSpan.FromSeconds(5), allowZero: false);

    public Option<bool> Json { get; } = new("--json") { Description = "print the report as JSON on standard output instead of the table" };

    public Option<FileInfo?> JsonFile { get; } = new("--json-file") { Description = "also write the JSON report to this file (the table still prints)" };

    public IEnumerable<Option> All =>
        [Transport, Target, Scenario, Mode, Concurrency, Connections, Warmup, Duration, Count, Variants, Timeout, Json, JsonFile];

    private static Option<T> Choice<T>(string name, string description, T fallback, params (string Name, T Value)[] choices) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => fallback,
        CustomParser = result =>
        {
            var text = Single(result);
            foreach (var (choice, value) in choices)
            {
                if (string.Equals(choice, text, StringComparison.Ordinal))
                {
                    return value;
                }
            }

            var names = new string[choices.Length];
            for (var i = 0; i < choices.Length; i++)
            {
                names[i] = choices[i].Name;
            }

            result.AddError($"{name} takes one of {string.Join(", ", names)}, not '{text}'");
            return fallback;
        },
    };

    private static Option<int> Whole(string name, string description, int fallback, int min, int max, params string[] aliases) => new(name, aliases)
    {
        Description = $"{description} (default {fallback.ToString(CultureInfo.InvariantCulture)})",
        DefaultValueFactory = _ => fallback,
        CustomParser = result =>
        {
            var text = Single(result);
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} takes a whole number from {min} to {max}, not '{text}'"));
            return fallback;
        },
    };

    private static Option<TimeSpan> TimeOption(string name, string description, TimeSpan fallback, bool allowZero, params string[] aliases) => new(name, aliases)
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"{description} (default {fallback.TotalSeconds}s)"),
        DefaultValueFactory = _ => fallback,
        CustomParser = result =>
        {
            var text = Single(result);
            if (DurationText.TryParse(text, out var value) && (allowZero || value > TimeSpan.Zero))
            {
                return value;
            }

            result.AddError($"{name} takes a {(allowZero ? string.Empty : "positive ")}duration such as 20s, 500ms or 2m, not '{text}'");
            return fallback;
        },
    };

    private static Uri? ParseTarget(ArgumentResult result)
    {
        var text = Single(result);
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.AbsolutePath == "/")
        {
            return uri;
        }

        result.AddError($"--target takes a base URL such as http://127.0.0.1:8081 (plain http, no path), not '{text}'");
        return null;
    }

    private static long? ParseCount(ArgumentResult result)
    {
        var text = Single(result);
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1)
        {
            return value;
        }

        result.AddError($"--count takes a whole number of at least 1, not '{text}'");
        return null;
    }

    private static string Single(ArgumentResult result) => result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
}
