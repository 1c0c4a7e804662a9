using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Functions;

namespace GovAuthZ.Policy.Tests.Functions;

public sealed class IpMatchFunctionsTests
{
    [Theory]
    [InlineData("192.168.2.123", "192.168.2.0/24", true)]
    [InlineData("192.168.2.123", "192.168.3.0/24", false)]
    [InlineData("192.168.2.123", "192.168.2.0/16", true)]
    [InlineData("192.168.2.123", "192.168.2.123", true)]
    [InlineData("192.168.2.123", "192.168.2.123/32", true)]
    [InlineData("10.0.0.11", "10.0.0.0/8", true)]
    [InlineData("11.0.0.123", "10.0.0.0/8", false)]
    [InlineData("10.0.0.1", "0.0.0.0/0", true)]
    [InlineData("10.0.0.1", "10.0.0.2", false)]
    [InlineData("192.168.2.130", "192.168.2.128/25", true)]
    [InlineData("192.168.2.127", "192.168.2.128/25", false)]
    public void IpMatch_WhenIPv4_MatchesAddressOrBlock(string ip1, string ip2, bool expected) =>
        Assert.Equal(expected, IpMatchFunctions.IpMatch(ip1, ip2));

    [Theory]
    [InlineData("2001:db8::1", "2001:db8::/32", true)]
    [InlineData("2001:db9::1", "2001:db8::/32", false)]
    [InlineData("2001:db8:0:0:0:0:0:1", "2001:db8::1", true)]
    [InlineData("2001:db8::1", "2001:db8::2/127", false)]
    [InlineData("2001:db8::3", "2001:db8::2/127", true)]
    [InlineData("::1", "::/0", true)]
    public void IpMatch_WhenIPv6_MatchesAddressOrBlock(string ip1, string ip2, bool expected) =>
        Assert.Equal(expected, IpMatchFunctions.IpMatch(ip1, ip2));

    [Theory]
    [InlineData("::ffff:10.1.2.3", "10.0.0.0/8", true)]
    [InlineData("::ffff:11.1.2.3", "10.0.0.0/8", false)]
    [InlineData("10.1.2.3", "::ffff:10.0.0.0/104", true)]
    [InlineData("10.1.2.3", "::ffff:10.1.2.3", true)]
    [InlineData("::ffff:10.1.2.3", "10.1.2.3", true)]
    [InlineData("10.1.2.3", "::/0", false)]
    [InlineData("2001:db8::1", "0.0.0.0/0", false)]
    public void IpMatch_WhenIPv4MappedIPv6_TreatsItAsIPv4(string ip1, string ip2, bool expected) =>
        Assert.Equal(expected, IpMatchFunctions.IpMatch(ip1, ip2));

    [Theory]
    [InlineData("")]
    [InlineData("192.168.2")]
    [InlineData("010.0.0.1")]
    [InlineData("0x0a.0.0.1")]
    [InlineData("256.0.0.1")]
    [InlineData("1.2.3.4.5")]
    [InlineData("[::1]")]
    [InlineData("fe80::1%eth0")]
    [InlineData("10.0.0.0/8")]
    [InlineData("host.example")]
    public void IpMatch_WhenIp1Invalid_ThrowsBadArgument(string ip1)
    {
        var error = Assert.Throws<GovAuthZException>(() => IpMatchFunctions.IpMatch(ip1, "10.0.0.0/8"));
        Assert.Equal(ErrorCode.EvalBadArgument, error.Code);
        Assert.Contains("ip1", error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0/")]
    [InlineData("10.0.0.0/08")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("10.0.0.0/8/8")]
    [InlineData("2001:db8::/129")]
    [InlineData("10.0.0/8")]
    [InlineData("garbage")]
    public void IpMatch_WhenIp2Invalid_ThrowsBadArgument(string ip2)
    {
        var error = Assert.Throws<GovAuthZException>(() => IpMatchFunctions.IpMatch("10.0.0.1", ip2));
        Assert.Equal(ErrorCode.EvalBadArgument, error.Code);
        Assert.Contains("ip2", error.Detail, StringComparison.Ordinal);
    }
}
