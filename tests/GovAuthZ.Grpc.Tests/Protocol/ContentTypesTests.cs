using GovAuthZ.Grpc.Protocol;

namespace GovAuthZ.Grpc.Tests.Protocol;

public sealed class ContentTypesTests
{
    [Theory]
    [InlineData("application/grpc")]
    [InlineData("application/grpc+proto")]
    [InlineData("application/grpc; charset=utf-8")]
    [InlineData("application/grpc+proto;version=1")]
    [InlineData("Application/GRPC+Proto")]
    [InlineData(" application/grpc ")]
    public void IsGrpc_WhenContentTypeIsGrpcProto_ReturnsTrue(string contentType) =>
        Assert.True(ContentTypes.IsGrpc(contentType));

    [Theory]
    [InlineData("")]
    [InlineData("application/json")]
    [InlineData("application/grpc+json")]
    [InlineData("application/grpc-web")]
    [InlineData("application/grpc-web+proto")]
    [InlineData("application/grpcx")]
    [InlineData("application/grp")]
    [InlineData("text/plain; application/grpc")]
    public void IsGrpc_WhenContentTypeIsAnythingElse_ReturnsFalse(string contentType) =>
        Assert.False(ContentTypes.IsGrpc(contentType));
}
