using GovAuthZ.LoadGen.Transport;

namespace GovAuthZ.LoadGen.Tests.Transport;

public sealed class GrpcStatusTests
{
    [Theory]
    [InlineData(0, "OK")]
    [InlineData(3, "INVALID_ARGUMENT")]
    [InlineData(7, "PERMISSION_DENIED")]
    [InlineData(16, "UNAUTHENTICATED")]
    [InlineData(17, "code 17")]
    [InlineData(-1, "code -1")]
    public void NameOf_WhenCode_IsProtocolName(int code, string name)
    {
        Assert.Equal(name, GrpcStatus.NameOf(code));
    }

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("a%20b", "a b")]
    [InlineData("%E6%95%B0%E6%8D%AE ok", "数据 ok")]
    [InlineData("100%zz", "100%zz")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void DecodeMessage_WhenPercentEncoded_DecodesUtf8AndKeepsMalformedEscapes(string? encoded, string expected)
    {
        Assert.Equal(expected, GrpcStatus.DecodeMessage(encoded));
    }

    [Theory]
    [InlineData("0", true, 0)]
    [InlineData("14", true, 14)]
    [InlineData(" 1", false, 0)]
    [InlineData("-1", false, 0)]
    [InlineData("x", false, 0)]
    [InlineData(null, false, 0)]
    public void TryParse_WhenText_AcceptsDigitsOnly(string? text, bool ok, int code)
    {
        Assert.Equal(ok, GrpcStatus.TryParse(text, out var parsed));
        Assert.Equal(code, parsed);
    }
}
