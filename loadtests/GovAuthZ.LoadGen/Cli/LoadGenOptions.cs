using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using GovAuthZ.LoadGen.Scenarios;

namespace GovAuthZ.LoadGen.Cli;

/// <summary>
/// The options of <c>govauthz-loadgen</c>. Each parses and checks its own value, so a bad value is a parse
/// error (exit status 2) before any connection is opened. None has a default of its own: an option not
/// given reads as null and <see cref="LoadSettings"/> supplies the default, so the help text shows
/// defaults as people write them (5s, grpc) and the binder can tell "given" from "defaulted".
/// </summary>
internal sealed class LoadGenOptions
{
    public Option<TransportKind?> Transport { get; } = Choice("--transport", "grpc|rest", "grpc (h2c, HTTP/2 prior knowledge; default) or rest (JSON over HTTP/1.1 keep-alive)", ("grpc", TransportKind.Grpc), ("rest", TransportKind.Rest));

    public Option<Uri?> Target { get; } = new("--target")
    {
        HelpName = "url",
        Description = "base URL of the listener (default http://127.0.0.1:8081 for grpc, http://127.0.0.1:8080 for rest)",
        CustomParser = ParseTarget,
    };

    public Option<ScenarioKind?> Scenario { get; } = Choice("--scenario", "health|check|check-varied|token", "health; check, one fixed request (default); check-varied, rotating over --variants distinct requests; or token, client_credentials at /oauth/token (rest only)", (ScenarioNames.Health, ScenarioKind.Health), (ScenarioNames.Check, ScenarioKind.Check), (ScenarioNames.CheckVaried, ScenarioKind.CheckVaried), (ScenarioNames.Token, ScenarioKind.Token));

    public Option<string?> ClientId { get; } = new("--client-id") { HelpName = "id", Description = "client of the token scenario (default pep-demo, the seeded development client)" };

    public Option<string?> ClientSecret { get; } = new("--client-secret") { HelpName = "secret", Description = "its secret, sent with client_secret_basic (default the development client's)" };

    public Option<string?> Scope { get; } = new("--scope") { HelpName = "scopes", Description = "space-separated scopes the token scenario asks for; empty for none (default decision:check)" };

    public Option<RunMode?> Mode { get; } = Choice("--mode", "closed|interleaved", "closed, back-to-back calls (default); or interleaved, each worker alternating health and the scenario on one connection", ("closed", RunMode.Closed), ("interleaved", RunMode.Interleaved));

    public Option<int?> Concurrency { get; } = Whole("--concurrency", "workers with one call outstanding each; 1 = one call at a time (default 1)", 1, 4096, "-c");

    public Option<int?> Connections { get; } = Whole("--connections", "HTTP/2 connections the gRPC workers share, worker i on connection i mod n (default 1)", 1, 256);

    public Option<TimeSpan?> Warmup { get; } = TimeOption("--warmup", "time before measuring, whose calls are discarded (default 5s)", allowZero: true);

    public Option<TimeSpan?> Duration { get; } = TimeOption("--duration", "how long to measure (default 20s)", allowZero: false, "-d");

    public Option<long?> Count { get; } = new("--count", "-n")
    {
        HelpName = "calls",
        Description = "measure this many calls (over all workers) instead of a duration",
        CustomParser = ParseCount,
    };

    public Option<int?> Variants { get; } = Whole("--variants", "distinct requests of check-varied (default 64)", 1, 1_000_000);

    public Option<TimeSpan?> Timeout { get; } = TimeOption("--timeout", "per-call limit; a slower call counts as an error (default 5s)", allowZero: false);

    public Option<bool> Json { get; } = new("--json") { Description = "print the report as JSON on standard output instead of the table" };

    public Option<FileInfo?> JsonFile { get; } = new("--json-file")
    {
        HelpName = "file",
        Description = "also write the JSON report to this file (the table still prints)",
    };

    public Option<FileInfo?> SaveRequest { get; } = new("--save-request")
    {
        HelpName = "file",
        Description = "write the scenario's first request body (gRPC-framed, or JSON for rest) to this file and exit, for other clients such as h2load",
    };

    public IEnumerable<Option> All =>
        [Transport, Target, Scenario, ClientId, ClientSecret, Scope, Mode, Concurrency, Connections, Warmup, Duration, Count, Variants, Timeout, Json, JsonFile, SaveRequest];

    private static Option<T?> Choice<T>(string name, string helpName, string description, params (string Name, T Value)[] choices)
        where T : struct
    {
        return new Option<T?>(name)
        {
            HelpName = helpName,
            Description = description,
            CustomParser = result => ParseChoice(result, name, helpName, choices),
        };
    }

    private static T? ParseChoice<T>(ArgumentResult result, string name, string helpName, (string Name, T Value)[] choices)
        where T : struct
    {
        var text = Single(result);
        foreach (var (choice, value) in choices)
        {
            if (string.Equals(choice, text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        result.AddError($"{name} takes one of {helpName.Replace("|", ", ", StringComparison.Ordinal)}, not '{text}'");
        return null;
    }

    private static Option<int?> Whole(string name, string description, int min, int max, params string[] aliases) => new(name, aliases)
    {
        HelpName = "n",
        Description = description,
        CustomParser = result =>
        {
            var text = Single(result);
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} takes a whole number from {min} to {max}, not '{text}'"));
            return null;
        },
    };

    private static Option<TimeSpan?> TimeOption(string name, string description, bool allowZero, params string[] aliases) => new(name, aliases)
    {
        HelpName = "time",
        Description = description + "; e.g. 20s, 500ms, 2m",
        CustomParser = result =>
        {
            var text = Single(result);
            if (DurationText.TryParse(text, out var value) && (allowZero || value > TimeSpan.Zero))
            {
                return value;
            }

            result.AddError($"{name} takes a {(allowZero ? string.Empty : "positive ")}duration such as 20s, 500ms or 2m, not '{text}'");
            return null;
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
