using GovAuthZ.Core.Errors;
using GovAuthZ.Server.Authentication;
using GovAuthZ.Server.Configuration;

namespace GovAuthZ.Server.IntegrationTests.Authentication;

public sealed class LocalModeGuardTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080", true)]
    [InlineData("http://127.0.0.2:8080", true)]
    [InlineData("http://localhost:8080", true)]
    [InlineData("http://[::1]:8080", true)]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("http://[::]:8080", false)]
    [InlineData("http://*:8080", false)]
    [InlineData("http://+:8080", false)]
    [InlineData("http://10.1.2.3:8080", false)]
    [InlineData("http://gov.example:8080", false)]
    [InlineData("not a url", false)]
    public void IsLoopback_WhenUrlGiven_ClassifiesHost(string url, bool expected)
    {
        Assert.Equal(expected, LocalModeGuard.IsLoopback(url));
    }

    [Fact]
    public void Validate_WhenLocalModeOnPublicGrpcListener_ThrowsConfigurationError()
    {
        var options = new ServerOptions();
        options.Grpc.Url = "http://0.0.0.0:8081";

        var error = Assert.Throws<GovAuthZException>(() => LocalModeGuard.Validate(options));

        Assert.Equal(ErrorCode.ServerConfigurationInvalid, error.Code);
        Assert.Contains("GovAuthZ:Grpc:Url", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenBearerModeOnPublicListener_Accepts()
    {
        var options = new ServerOptions { Auth = { Mode = AuthMode.Bearer } };
        options.Http.Url = "http://0.0.0.0:8080";

        LocalModeGuard.Validate(options);

        Assert.Equal(AuthMode.Bearer, options.Auth.Mode);
    }

    [Fact]
    public void Validate_WhenDefaults_Accepts()
    {
        var options = new ServerOptions();

        LocalModeGuard.Validate(options);

        Assert.Equal(AuthMode.Local, options.Auth.Mode);
    }
}
