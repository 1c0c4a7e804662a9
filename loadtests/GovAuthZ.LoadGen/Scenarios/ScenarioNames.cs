namespace GovAuthZ.LoadGen.Scenarios;

/// <summary>The names used on the command line and in reports.</summary>
internal static class ScenarioNames
{
    public const string Health = "health";
    public const string Check = "check";
    public const string CheckVaried = "check-varied";
    public const string Token = "token";

    public static string Of(ScenarioKind scenario) => scenario switch
    {
        ScenarioKind.Health => Health,
        ScenarioKind.Check => Check,
        ScenarioKind.CheckVaried => CheckVaried,
        ScenarioKind.Token => Token,
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null),
    };

    public static string Of(TransportKind transport) => transport == TransportKind.Grpc ? "grpc" : "rest";

    public static string Of(RunMode mode) => mode == RunMode.Closed ? "closed" : "interleaved";
}
