namespace GovAuthZ.Caching.Tests;

public sealed class CacheKeyWriterTests
{
    [Fact]
    public void WriteString_WhenSplitDiffers_KeysDiffer()
    {
        Assert.NotEqual(Key("ab", "c"), Key("a", "bc"));
        Assert.NotEqual(Key("", "abc"), Key("abc", ""));
        Assert.Equal(Key("ab", "c"), Key("ab", "c"));
    }

    [Fact]
    public void WriteString_WhenWritten_IsLittleEndianByteCountThenUtf8()
    {
        Span<byte> buffer = stackalloc byte[16];
        var writer = new CacheKeyWriter(buffer);

        writer.WriteString("é1");

        Assert.Equal(CacheKeyStatus.Complete, writer.Status);
        Assert.Equal(new byte[] { 3, 0, 0, 0, 0xC3, 0xA9, (byte)'1' }, writer.Written.ToArray());
    }

    [Fact]
    public void WriteInt32AndByte_WhenWritten_AreFixedWidth()
    {
        Span<byte> buffer = stackalloc byte[16];
        var writer = new CacheKeyWriter(buffer);

        writer.WriteByte(7);
        writer.WriteInt32(0x01020304);

        Assert.Equal(new byte[] { 7, 4, 3, 2, 1 }, writer.Written.ToArray());
    }

    [Fact]
    public void WriteString_WhenBufferTooSmall_ReportsTooLongAndStopsWriting()
    {
        Span<byte> buffer = stackalloc byte[8];
        var writer = new CacheKeyWriter(buffer);

        writer.WriteString("abcdefgh");
        writer.WriteByte(1);

        Assert.Equal(CacheKeyStatus.TooLong, writer.Status);
    }

    // Built from code units: theory data travels through serialisation, which would repair the surrogate.
    [Theory]
    [InlineData("", 0xD800, "")]
    [InlineData("a", 0xDC00, "b")]
    public void WriteString_WhenUnpairedSurrogate_ReportsInvalidInsteadOfReplacing(string before, int surrogate, string after)
    {
        var text = before + (char)surrogate + after;
        Span<byte> buffer = stackalloc byte[32];
        var writer = new CacheKeyWriter(buffer);

        writer.WriteString(text);

        Assert.Equal(CacheKeyStatus.Invalid, writer.Status);
    }

    private static byte[] Key(string first, string second)
    {
        Span<byte> buffer = stackalloc byte[64];
        var writer = new CacheKeyWriter(buffer);
        writer.WriteString(first);
        writer.WriteString(second);
        Assert.Equal(CacheKeyStatus.Complete, writer.Status);
        return writer.Written.ToArray();
    }
}
