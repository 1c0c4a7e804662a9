using GovAuthZ.Grpc.Protocol;

namespace GovAuthZ.Grpc.Tests.Protocol;

public sealed class StatusCodeTests
{
    [Theory]
    [InlineData(StatusCode.OK, 0)]
    [InlineData(StatusCode.Cancelled, 1)]
    [InlineData(StatusCode.Unknown, 2)]
    [InlineData(StatusCode.InvalidArgument, 3)]
    [InlineData(StatusCode.DeadlineExceeded, 4)]
    [InlineData(StatusCode.NotFound, 5)]
    [InlineData(StatusCode.AlreadyExists, 6)]
    [InlineData(StatusCode.PermissionDenied, 7)]
    [InlineData(StatusCode.ResourceExhausted, 8)]
    [InlineData(StatusCode.FailedPrecondition, 9)]
    [InlineData(StatusCode.Aborted, 10)]
    [InlineData(StatusCode.OutOfRange, 11)]
    [InlineData(StatusCode.Unimplemented, 12)]
    [InlineData(StatusCode.Internal, 13)]
    [InlineData(StatusCode.Unavailable, 14)]
    [InlineData(StatusCode.DataLoss, 15)]
    [InlineData(StatusCode.Unauthenticated, 16)]
    public void StatusCode_WhenSentOnTheWire_HasSpecValue(StatusCode code, int wire) =>
        Assert.Equal(wire, (int)code);

    [Fact]
    public void StatusCode_WhenEnumerated_HasExactlySeventeenCodes() =>
        Assert.Equal(17, Enum.GetValues<StatusCode>().Length);
}
