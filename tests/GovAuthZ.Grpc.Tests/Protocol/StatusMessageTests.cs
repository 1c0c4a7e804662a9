using FsCheck.Xunit;
using GovAuthZ.Grpc.Protocol;

namespace GovAuthZ.Grpc.Tests.Protocol;

public sealed class StatusMessageTests
{
    [Property(MaxTest = 2000, Arbitrary = [typeof(GrpcArbitraries)])]
    public void Encode_WhenDecoded_GivesOriginalText(MessageText text)
    {
        var encoded = StatusMessage.Encode(text.Value);

        Assert.All(encoded, c => Assert.InRange(c, ' ', '~'));
        Assert.Equal(text.Value, StatusMessage.Decode(encoded));
    }

    [Property(MaxTest = 1000)]
    public void Decode_WhenGivenAnyString_NeverThrows(string? value) =>
        Assert.NotNull(StatusMessage.Decode(value ?? string.Empty));

    [Theory]
    [InlineData("plain ascii: ok", "plain ascii: ok")]
    [InlineData("100%", "100%25")]
    [InlineData("拒绝访问", "%E6%8B%92%E7%BB%9D%E8%AE%BF%E9%97%AE")]
    [InlineData("tab\there\n", "tab%09here%0A")]
    [InlineData("\u007F", "%7F")]
    public void Encode_WhenGivenText_EscapesOnlyBytesOutsidePrintableAscii(string text, string expected) =>
        Assert.Equal(expected, StatusMessage.Encode(text));

    [Fact]
    public void Encode_WhenNothingNeedsEscaping_ReturnsSameInstance()
    {
        var text = "no escaping needed";

        Assert.Same(text, StatusMessage.Encode(text));
    }

    [Theory]
    [InlineData("%e6%8b%92", "拒")]
    [InlineData("50%", "50%")]
    [InlineData("%4", "%4")]
    [InlineData("%zz%41", "%zzA")]
    [InlineData("%%41", "%A")]
    [InlineData("raw 拒绝", "raw 拒绝")]
    public void Decode_WhenEscapesAreMalformedOrLowercase_KeepsWhatItCannotDecode(string encoded, string expected) =>
        Assert.Equal(expected, StatusMessage.Decode(encoded));

    [Fact]
    public void Decode_WhenBytesAreNotUtf8_ReplacesThemInsteadOfFailing() =>
        Assert.Equal("a\uFFFDb", StatusMessage.Decode("a%FFb"));
}
