using GovAuthZ.LoadGen.Cli;
using GovAuthZ.LoadGen.Scenarios;

namespace GovAuthZ.LoadGen.Tests.Cli;

public sealed class LoadGenCommandTests
{
    [Fact]
    public void Parse_WhenNoArguments_UsesDefaults()
    {
        var settings = Valid();

        Assert.Equal(TransportKind.Grpc, settings.Transport);
        Assert.Equal(new Uri("http://127.0.0.1:8081"), settings.Target);
        Assert.Equal(ScenarioKind.Check, settings.Scenario);
        Assert.Equal(RunMode.Closed, settings.Mode);
        Assert.Equal(1, settings.Concurrency);
        Assert.Equal(1, settings.Connections);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.Warmup);
        Assert.Equal(TimeSpan.FromSeconds(20), settings.Duration);
        Assert.Null(settings.Count);
        Assert.Equal(LoadSettings.DefaultVariants, settings.Variants);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.Timeout);
        Assert.False(settings.Json);
        Assert.Null(settings.JsonFile);
        Assert.Null(settings.SaveRequest);
    }

    [Fact]
    public void Parse_WhenSaveRequest_BindsFullPath()
    {
        var settings = Valid("--scenario", "health", "--save-request", "health.bin");

        Assert.Equal(Path.GetFullPath("health.bin"), settings.SaveRequest);
        Assert.Equal(ScenarioKind.Health, settings.Scenario);
    }

    [Fact]
    public void Parse_WhenRestWithoutTarget_UsesHttpPort()
    {
        var settings = Valid("--transport", "rest");

        Assert.Equal(TransportKind.Rest, settings.Transport);
        Assert.Equal(new Uri("http://127.0.0.1:8080"), settings.Target);
    }

    [Fact]
    public void Parse_WhenEveryOptionGiven_BindsEach()
    {
        var settings = Valid(
            "--target", "http://127.0.0.1:9001", "--scenario", "check-varied", "--mode", "interleaved",
            "-c", "16", "--connections", "4", "--warmup", "500ms", "-n", "1000", "--variants", "200",
            "--timeout", "2s", "--json", "--json-file", "out.json");

        Assert.Equal(new Uri("http://127.0.0.1:9001"), settings.Target);
        Assert.Equal(ScenarioKind.CheckVaried, settings.Scenario);
        Assert.Equal(RunMode.Interleaved, settings.Mode);
        Assert.Equal(16, settings.Concurrency);
        Assert.Equal(4, settings.Connections);
        Assert.Equal(TimeSpan.FromMilliseconds(500), settings.Warmup);
        Assert.Equal(1000, settings.Count);
        Assert.Equal(200, settings.Variants);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.Timeout);
        Assert.True(settings.Json);
        Assert.Equal(Path.GetFullPath("out.json"), settings.JsonFile);
    }

    [Fact]
    public void Parse_WhenZeroWarmupAndDurationAlias_Accepted()
    {
        var settings = Valid("--warmup", "0", "-d", "2m");

        Assert.Equal(TimeSpan.Zero, settings.Warmup);
        Assert.Equal(TimeSpan.FromMinutes(2), settings.Duration);
    }

    [Theory]
    [InlineData("--scenario", "checks", "--scenario takes one of health, check, check-varied, token, not 'checks'")]
    [InlineData("--transport", "http3", "--transport takes one of grpc, rest, not 'http3'")]
    [InlineData("--mode", "open", "--mode takes one of closed, interleaved, not 'open'")]
    [InlineData("--concurrency", "0", "--concurrency takes a whole number from 1 to 4096, not '0'")]
    [InlineData("--concurrency", "two", "--concurrency takes a whole number from 1 to 4096, not 'two'")]
    [InlineData("--duration", "0", "--duration takes a positive duration such as 20s, 500ms or 2m, not '0'")]
    [InlineData("--warmup", "5h", "--warmup takes a duration such as 20s, 500ms or 2m, not '5h'")]
    [InlineData("--count", "0", "--count takes a whole number of at least 1, not '0'")]
    [InlineData("--target", "https://127.0.0.1:8081", "--target takes a base URL such as http://127.0.0.1:8081 (plain http, no path), not 'https://127.0.0.1:8081'")]
    [InlineData("--target", "http://127.0.0.1:8081/v1", "--target takes a base URL such as http://127.0.0.1:8081 (plain http, no path), not 'http://127.0.0.1:8081/v1'")]
    public void Parse_WhenValueInvalid_ExplainsWhatIsAccepted(string option, string value, string error)
    {
        var outcome = LoadGenCommand.Parse([option, value]);

        Assert.Null(outcome.Settings);
        Assert.Contains(error, outcome.Errors);
    }

    [Theory]
    [InlineData("--mode interleaved --scenario health", "--mode interleaved compares health with a check scenario: use --scenario check or check-varied")]
    [InlineData("--count 10 --duration 5s", "give --duration or --count, not both")]
    [InlineData("--connections 2", "--connections cannot exceed --concurrency: a connection without a worker would stay idle")]
    [InlineData("--transport rest -c 4 --connections 2", "--connections applies to grpc; rest opens one keep-alive connection per worker")]
    [InlineData("--variants 10", "--variants applies to --scenario check-varied only")]
    public void Parse_WhenOptionsConflict_ReportsTheConflict(string line, string error)
    {
        var outcome = LoadGenCommand.Parse(line.Split(' '));

        Assert.Null(outcome.Settings);
        Assert.Contains(error, outcome.Errors);
    }

    [Fact]
    public void Parse_WhenUnknownOption_IsAnError()
    {
        var outcome = LoadGenCommand.Parse(["--rate", "100"]);

        Assert.Null(outcome.Settings);
        Assert.NotEmpty(outcome.Errors);
    }

    [Theory]
    [InlineData("5s", 5_000_000)]
    [InlineData("1.5s", 1_500_000)]
    [InlineData("500ms", 500_000)]
    [InlineData("250us", 250)]
    [InlineData("2m", 120_000_000)]
    [InlineData("20", 20_000_000)]
    [InlineData("0", 0)]
    public void DurationText_WhenNumberWithUnit_Parses(string text, long microseconds)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMicroseconds(microseconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("-1s")]
    [InlineData("1e3s")]
    [InlineData("5h")]
    [InlineData("2d")]
    [InlineData("100000m")]
    public void DurationText_WhenNotADuration_Fails(string text)
    {
        Assert.False(DurationText.TryParse(text, out _));
    }

    [Fact]
    public void Parse_WhenTokenScenario_BindsClientAndDefaultsToDevelopmentClient()
    {
        var defaults = Valid("--transport", "rest", "--scenario", "token");
        var given = Valid("--transport", "rest", "--scenario", "token", "--client-id", "app", "--client-secret", "s3cret", "--scope", "");

        Assert.Equal(ScenarioKind.Token, defaults.Scenario);
        Assert.Equal("pep-demo", defaults.ClientId);
        Assert.Equal("decision:check", defaults.Scope);
        Assert.Equal(("app", "s3cret", string.Empty), (given.ClientId, given.ClientSecret, given.Scope));
    }

    [Theory]
    [InlineData("use --transport rest", "--scenario", "token")]
    [InlineData("interleaved", "--transport", "rest", "--scenario", "token", "--mode", "interleaved")]
    [InlineData("--scenario token only", "--transport", "rest", "--client-id", "app")]
    [InlineData("cannot be empty", "--transport", "rest", "--scenario", "token", "--client-secret", "")]
    public void Parse_WhenTokenOptionsMisused_FailsNamingTheRule(string expected, params string[] args)
    {
        var outcome = LoadGenCommand.Parse(args);

        Assert.Null(outcome.Settings);
        Assert.Contains(outcome.Errors, error => error.Contains(expected, StringComparison.Ordinal));
    }

    private static LoadSettings Valid(params string[] args)
    {
        var outcome = LoadGenCommand.Parse(args);
        Assert.Empty(outcome.Errors);
        return Assert.IsType<LoadSettings>(outcome.Settings);
    }
}
