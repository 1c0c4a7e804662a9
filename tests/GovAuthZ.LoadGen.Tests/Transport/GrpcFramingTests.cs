using GovAuthZ.LoadGen.Transport;

namespace GovAuthZ.LoadGen.Tests.Transport;

public sealed class GrpcFramingTests
{
    [Fact]
    public void Frame_WhenMessage_PrefixesUncompressedFlagAndBigEndianLength()
    {
        Assert.Equal(new byte[] { 0, 0, 0, 0, 3, 7, 8, 9 }, GrpcFraming.Frame([7, 8, 9]));

        var large = GrpcFraming.Frame(new byte[300]);
        Assert.Equal(new byte[] { 0, 0, 0, 1, 44 }, large[..5]);
        Assert.Equal(305, large.Length);
    }

    [Fact]
    public void Frame_WhenEmptyMessage_IsPrefixOnly()
    {
        Assert.Equal(new byte[5], GrpcFraming.Frame([]));
    }

    [Fact]
    public void ReadSingle_WhenFramedMessage_LocatesIt()
    {
        var frame = GrpcFraming.Frame([1, 2, 3, 4]);

        var check = GrpcFraming.ReadSingle(frame, out var offset, out var length, out var compressed);

        Assert.Equal(FrameCheck.Ok, check);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, frame.AsSpan(offset, length).ToArray());
        Assert.False(compressed);
    }

    [Fact]
    public void ReadSingle_WhenEmptyMessageFramed_IsOkWithZeroLength()
    {
        Assert.Equal(FrameCheck.Ok, GrpcFraming.ReadSingle(new byte[5], out _, out var length, out _));
        Assert.Equal(0, length);
    }

    [Fact]
    public void ReadSingle_WhenCompressedFlag_ReportsCompressed()
    {
        byte[] frame = [1, 0, 0, 0, 1, 42];

        Assert.Equal(FrameCheck.Ok, GrpcFraming.ReadSingle(frame, out _, out _, out var compressed));
        Assert.True(compressed);
    }

    [Theory]
    [InlineData(new byte[0], (int)FrameCheck.Empty)]
    [InlineData(new byte[] { 0, 0, 0 }, (int)FrameCheck.Truncated)]
    [InlineData(new byte[] { 0, 0, 0, 0, 4, 1, 2 }, (int)FrameCheck.Truncated)]
    [InlineData(new byte[] { 0, 0x80, 0, 0, 0 }, (int)FrameCheck.Truncated)]
    [InlineData(new byte[] { 2, 0, 0, 0, 0 }, (int)FrameCheck.BadFlag)]
    [InlineData(new byte[] { 0, 0, 0, 0, 1, 9, 0, 0, 0, 0, 0 }, (int)FrameCheck.TrailingBytes)]
    public void ReadSingle_WhenBodyIsNotOneMessage_SaysWhy(byte[] body, int expected)
    {
        Assert.Equal((FrameCheck)expected, GrpcFraming.ReadSingle(body, out _, out _, out _));
    }
}
