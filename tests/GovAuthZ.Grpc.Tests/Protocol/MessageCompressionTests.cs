using System.Buffers;
using System.IO.Compression;
using System.Text;
using GovAuthZ.Grpc.Protocol;

namespace GovAuthZ.Grpc.Tests.Protocol;

public sealed class MessageCompressionTests
{
    private const int Max = 64 * 1024;

    [Fact]
    public void TryGetMessage_WhenGzipRoundTrips_ReturnsOriginalBytes()
    {
        var original = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("授权决定 decision ", 200)));
        var frame = new Frame(true, new ReadOnlySequence<byte>(MessageCompression.CompressGzip(original)));

        Assert.True(MessageCompression.TryGetMessage(frame, "gzip", Max, out var message, out var error));
        Assert.False(error.IsError);
        Assert.Equal(original, message.ToArray());
    }

    [Fact]
    public void TryGetMessage_WhenDecompressedSizeIsExactlyMax_Accepts()
    {
        var frame = new Frame(true, new ReadOnlySequence<byte>(MessageCompression.CompressGzip(new byte[Max])));

        Assert.True(MessageCompression.TryGetMessage(frame, "gzip", Max, out var message, out _));
        Assert.Equal(Max, message.Length);
    }

    [Fact]
    public void TryGetMessage_WhenGzipBombExpandsPastMax_FailsWithResourceExhausted()
    {
        // 64 MiB of zeros compresses to about 64 KiB; inflating must stop at the limit.
        var bomb = GzipSmallest(new byte[64 * 1024 * 1024]);
        var frame = new Frame(true, new ReadOnlySequence<byte>(bomb));

        Assert.False(MessageCompression.TryGetMessage(frame, "gzip", Max, out _, out var error));
        Assert.Equal(StatusCode.ResourceExhausted, error.Code);
        Assert.True(bomb.Length < Max * 2, "the bomb should be small compared with what it expands to");
    }

    [Fact]
    public void TryGetMessage_WhenGzipIsCorrupt_FailsWithInternal()
    {
        var frame = new Frame(true, new ReadOnlySequence<byte>(new byte[] { 0x1F, 0x8B, 8, 0, 1, 2, 3, 4, 5, 6, 7 }));

        Assert.False(MessageCompression.TryGetMessage(frame, "gzip", Max, out _, out var error));
        Assert.Equal(StatusCode.Internal, error.Code);
    }

    [Theory]
    [InlineData("deflate")]
    [InlineData("snappy")]
    public void TryGetMessage_WhenEncodingIsNotGzip_FailsWithUnimplemented(string encoding)
    {
        var frame = new Frame(true, new ReadOnlySequence<byte>(new byte[] { 1 }));

        Assert.False(MessageCompression.TryGetMessage(frame, encoding, Max, out _, out var error));
        Assert.Equal(StatusCode.Unimplemented, error.Code);
        Assert.Contains(encoding, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("identity")]
    public void TryGetMessage_WhenFlagSetWithoutEncoding_FailsWithInternal(string? encoding)
    {
        var frame = new Frame(true, new ReadOnlySequence<byte>(new byte[] { 1 }));

        Assert.False(MessageCompression.TryGetMessage(frame, encoding, Max, out _, out var error));
        Assert.Equal(StatusCode.Internal, error.Code);
    }

    [Fact]
    public void TryGetMessage_WhenNotCompressed_ReturnsPayloadWhateverTheEncoding()
    {
        var frame = new Frame(false, new ReadOnlySequence<byte>(new byte[] { 9, 8 }));

        Assert.True(MessageCompression.TryGetMessage(frame, "snappy", Max, out var message, out _));
        Assert.Equal(new byte[] { 9, 8 }, message.ToArray());
    }

    [Fact]
    public void CompressGzip_WhenReadByGZipStream_GivesOriginal()
    {
        var original = Encoding.UTF8.GetBytes("grpc gzip interop");
        using var input = new MemoryStream(MessageCompression.CompressGzip(original));
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();

        gzip.CopyTo(output);

        Assert.Equal(original, output.ToArray());
    }

    private static byte[] GzipSmallest(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
