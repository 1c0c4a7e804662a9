using System.Buffers;
using FsCheck.Xunit;
using GovAuthZ.Grpc.Protocol;

namespace GovAuthZ.Grpc.Tests.Protocol;

public sealed class MessageFramingTests
{
    private const int Max = 4 * 1024 * 1024;

    [Property(MaxTest = 2000, Arbitrary = [typeof(GrpcArbitraries)])]
    public void TryReadFrame_WhenFramesArriveInArbitrarySegments_ReassemblesEveryMessage(SplitCase c)
    {
        var writer = new ArrayBufferWriter<byte>();
        for (var i = 0; i < c.Payloads.Length; i++)
        {
            MessageFraming.WriteFrame(writer, c.Payloads[i], c.Compressed[i]);
        }

        var buffer = Segments.Split(writer.WrittenSpan.ToArray(), c.Cuts);
        for (var i = 0; i < c.Payloads.Length; i++)
        {
            Assert.True(MessageFraming.TryReadFrame(ref buffer, Max, out var frame, out var error));
            Assert.False(error.IsError);
            Assert.Equal(c.Compressed[i], frame.Compressed);
            Assert.Equal(c.Payloads[i], frame.Payload.ToArray());
        }

        Assert.Equal(0, buffer.Length);
        Assert.False(MessageFraming.TryReadFrame(ref buffer, Max, out _, out var end));
        Assert.False(end.IsError);
    }

    [Fact]
    public void TryReadFrame_WhenOnlyAPrefixHasArrived_WaitsAtEveryByteBoundary()
    {
        var data = Framed([1, 2, 3], [], [4]);
        var firstFrameEnd = 5 + 3;
        for (var length = 0; length < data.Length; length++)
        {
            var buffer = new ReadOnlySequence<byte>(data, 0, length);
            var expectedFrames = length >= firstFrameEnd + 5 ? 2 : length >= firstFrameEnd ? 1 : 0;
            var frames = 0;
            while (MessageFraming.TryReadFrame(ref buffer, Max, out _, out _))
            {
                frames++;
            }

            Assert.Equal(expectedFrames, frames);
        }
    }

    [Fact]
    public void TryReadFrame_WhenSplitIntoTwoAtEveryBoundary_ReadsSamePayloads()
    {
        var data = Framed([10, 20, 30, 40], [50]);
        for (var cut = 1; cut < data.Length; cut++)
        {
            var buffer = Segments.Split(data, [cut]);
            Assert.True(MessageFraming.TryReadFrame(ref buffer, Max, out var first, out _));
            Assert.True(MessageFraming.TryReadFrame(ref buffer, Max, out var second, out _));
            Assert.Equal(new byte[] { 10, 20, 30, 40 }, first.Payload.ToArray());
            Assert.Equal(new byte[] { 50 }, second.Payload.ToArray());
            Assert.True(buffer.IsEmpty);
        }
    }

    [Fact]
    public void TryReadFrame_WhenMessageIsEmpty_ReturnsZeroLengthPayload()
    {
        var buffer = new ReadOnlySequence<byte>(Framed([[]]));

        Assert.True(MessageFraming.TryReadFrame(ref buffer, Max, out var frame, out var error));
        Assert.False(error.IsError);
        Assert.Equal(0, frame.Payload.Length);
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void TryReadFrame_WhenLengthEqualsMax_Accepts()
    {
        var buffer = new ReadOnlySequence<byte>(Framed(new byte[100]));

        Assert.True(MessageFraming.TryReadFrame(ref buffer, 100, out var frame, out _));
        Assert.Equal(100, frame.Payload.Length);
    }

    [Fact]
    public void TryReadFrame_WhenLengthIsMaxPlusOne_FailsWithResourceExhaustedBeforePayloadArrives()
    {
        var header = Framed(new byte[101]).AsSpan(0, 5).ToArray();
        var buffer = new ReadOnlySequence<byte>(header);

        Assert.False(MessageFraming.TryReadFrame(ref buffer, 100, out _, out var error));
        Assert.Equal(StatusCode.ResourceExhausted, error.Code);
        Assert.Contains("101", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryReadFrame_WhenLengthExceedsInt32_FailsWithResourceExhausted()
    {
        var buffer = new ReadOnlySequence<byte>(new byte[] { 0, 0xFF, 0xFF, 0xFF, 0xFF });

        Assert.False(MessageFraming.TryReadFrame(ref buffer, int.MaxValue, out _, out var error));
        Assert.Equal(StatusCode.ResourceExhausted, error.Code);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0x80)]
    [InlineData(0xFF)]
    public void TryReadFrame_WhenCompressedFlagIsNotZeroOrOne_FailsWithInternal(byte flag)
    {
        var buffer = new ReadOnlySequence<byte>(new byte[] { flag, 0, 0, 0, 1, 7 });

        Assert.False(MessageFraming.TryReadFrame(ref buffer, Max, out _, out var error));
        Assert.Equal(StatusCode.Internal, error.Code);
        Assert.Contains("compressed flag", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteFrame_WhenCompressed_WritesFlagAndBigEndianLength()
    {
        var writer = new ArrayBufferWriter<byte>();

        MessageFraming.WriteFrame(writer, new byte[0x0102], compressed: true);

        Assert.Equal(new byte[] { 1, 0, 0, 1, 2 }, writer.WrittenSpan[..5].ToArray());
        Assert.Equal(5 + 0x0102, writer.WrittenCount);
    }

    private static byte[] Framed(params byte[][] payloads)
    {
        var writer = new ArrayBufferWriter<byte>();
        foreach (var payload in payloads)
        {
            MessageFraming.WriteFrame(writer, payload, compressed: false);
        }

        return writer.WrittenSpan.ToArray();
    }
}
