namespace GovAuthZ.Server.IntegrationTests.Services;

/// <summary>
/// Where the real Redis and PostgreSQL for these tests are. scripts/services.sh starts both and
/// scripts/test.sh exports these variables; a missing variable is a failed run, never a skipped test,
/// because a silently skipped integration suite reads as green while proving nothing.
/// </summary>
public sealed class TestServiceSettings
{
    public const string RedisVariable = "GOVAUTHZ_TEST_REDIS";
    public const string PostgresVariable = "GOVAUTHZ_TEST_POSTGRES";

    private TestServiceSettings(string redis, string postgres)
    {
        Redis = redis;
        Postgres = postgres;
    }

    /// <summary>Redis endpoint, <c>host:port</c>.</summary>
    public string Redis { get; }

    /// <summary>Npgsql connection string.</summary>
    public string Postgres { get; }

    public static TestServiceSettings FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        return new TestServiceSettings(Require(getVariable, RedisVariable), Require(getVariable, PostgresVariable));
    }

    /// <summary>The one hint every failure carries: how to get the services this suite needs.</summary>
    public static string Hint(string problem) =>
        $"{problem}. Integration tests need real Redis and PostgreSQL: run them with scripts/test.sh, "
        + $"which starts both on loopback and sets {RedisVariable} and {PostgresVariable} "
        + "(or run scripts/services.sh start and eval \"$(scripts/services.sh env)\").";

    private static string Require(Func<string, string?> getVariable, string name)
    {
        var value = getVariable(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(Hint($"Environment variable {name} is not set"));
        }

        return value.Trim();
    }
}
