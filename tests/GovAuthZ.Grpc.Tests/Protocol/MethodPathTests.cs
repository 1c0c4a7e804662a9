using GovAuthZ.Grpc.Protocol;

namespace GovAuthZ.Grpc.Tests.Protocol;

public sealed class MethodPathTests
{
    [Theory]
    [InlineData("/govauthz.decision.v1.DecisionService/Check", "govauthz.decision.v1.DecisionService", "Check")]
    [InlineData("/grpc.health.v1.Health/Check", "grpc.health.v1.Health", "Check")]
    [InlineData("/Greeter/Say_Hello2", "Greeter", "Say_Hello2")]
    [InlineData("/a/b", "a", "b")]
    public void TryParse_WhenPathNamesServiceAndMethod_SplitsThem(string path, string service, string method)
    {
        Assert.True(MethodPath.TryParse(path, out var parsed));
        Assert.Equal(service, parsed.Service.ToString());
        Assert.Equal(method, parsed.Method.ToString());
        Assert.Same(path, parsed.Path);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("//Check")]
    [InlineData("/pkg.Service/")]
    [InlineData("pkg.Service/Check")]
    [InlineData("/pkg.Service")]
    [InlineData("/pkg.Service/Check/extra")]
    [InlineData("/pkg.Service/Check?x=1")]
    [InlineData("/pkg..Service/Check")]
    [InlineData("/.pkg.Service/Check")]
    [InlineData("/pkg.Service./Check")]
    [InlineData("/pkg.1Service/Check")]
    [InlineData("/pkg.Service/Ch-eck")]
    [InlineData("/pkg Service/Check")]
    [InlineData("/服务/Check")]
    public void TryParse_WhenPathIsNotServiceSlashMethod_ReturnsFalse(string? path) =>
        Assert.False(MethodPath.TryParse(path, out _));
}
