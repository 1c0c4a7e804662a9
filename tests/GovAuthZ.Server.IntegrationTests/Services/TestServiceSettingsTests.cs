namespace GovAuthZ.Server.IntegrationTests.Services;

public sealed class TestServiceSettingsTests
{
    [Fact]
    public void FromEnvironment_WhenBothVariablesSet_ReturnsTrimmedValues()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [TestServiceSettings.RedisVariable] = " 127.0.0.1:16379 ",
            [TestServiceSettings.PostgresVariable] = "Host=127.0.0.1;Port=15432",
        };

        var settings = TestServiceSettings.FromEnvironment(name => variables.GetValueOrDefault(name));

        Assert.Equal("127.0.0.1:16379", settings.Redis);
        Assert.Equal("Host=127.0.0.1;Port=15432", settings.Postgres);
    }

    [Theory]
    [InlineData(TestServiceSettings.RedisVariable)]
    [InlineData(TestServiceSettings.PostgresVariable)]
    public void FromEnvironment_WhenVariableMissing_ThrowsNamingVariableAndTestScript(string missing)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [TestServiceSettings.RedisVariable] = "127.0.0.1:16379",
            [TestServiceSettings.PostgresVariable] = "Host=127.0.0.1;Port=15432",
        };
        variables[missing] = "  ";

        var error = Assert.Throws<InvalidOperationException>(
            () => TestServiceSettings.FromEnvironment(name => variables.GetValueOrDefault(name)));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("scripts/test.sh", error.Message, StringComparison.Ordinal);
    }
}
