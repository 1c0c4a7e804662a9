using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Functions.Government;

namespace GovAuthZ.Policy.Tests.Functions.Government;

public sealed class RegionCodeTests
{
    [Theory]
    [InlineData("000000", (int)AdministrativeLevel.National)]
    [InlineData("320000", (int)AdministrativeLevel.Provincial)]
    [InlineData("110000", (int)AdministrativeLevel.Provincial)]
    [InlineData("320100", (int)AdministrativeLevel.Municipal)]
    [InlineData("320500", (int)AdministrativeLevel.Municipal)]
    [InlineData("320118", (int)AdministrativeLevel.County)]
    [InlineData("110101", (int)AdministrativeLevel.County)]
    [InlineData("320118101", (int)AdministrativeLevel.Township)]
    [InlineData("441900003", (int)AdministrativeLevel.Township)]
    public void TryGetLevel_WhenValidCode_ReturnsLevel(string code, int expected)
    {
        Assert.True(RegionCode.TryGetLevel(code, out var level));
        Assert.Equal((AdministrativeLevel)expected, level);
    }

    [Theory]
    [InlineData("")]
    [InlineData("32000")]
    [InlineData("3200000")]
    [InlineData("32O000")]
    [InlineData("００００００")]
    [InlineData("001100")]
    [InlineData("000001")]
    [InlineData("320018")]
    [InlineData("320118000")]
    [InlineData("320000101")]
    [InlineData("000000101")]
    [InlineData("3201181x1")]
    [InlineData("32011810")]
    public void TryGetLevel_WhenInvalidCode_ReturnsFalse(string code) =>
        Assert.False(RegionCode.TryGetLevel(code, out _));

    [Theory]
    [InlineData("000000", "000000", true)]
    [InlineData("000000", "320118101", true)]
    [InlineData("000000", "110101", true)]
    [InlineData("320000", "320000", true)]
    [InlineData("320000", "320100", true)]
    [InlineData("320000", "320118", true)]
    [InlineData("320000", "320118101", true)]
    [InlineData("320000", "320500", true)]
    [InlineData("320000", "110101", false)]
    [InlineData("320000", "000000", false)]
    [InlineData("320100", "320118", true)]
    [InlineData("320100", "320118101", true)]
    [InlineData("320100", "320200", false)]
    [InlineData("320100", "320500", false)]
    [InlineData("320100", "320000", false)]
    [InlineData("320118", "320118", true)]
    [InlineData("320118", "320118101", true)]
    [InlineData("320118", "320117101", false)]
    [InlineData("320118", "320100", false)]
    [InlineData("320118101", "320118101", true)]
    [InlineData("320118101", "320118102", false)]
    [InlineData("110000", "110101", true)]
    [InlineData("110101", "110000", false)]
    [InlineData("441900", "441900003", true)]
    public void Covers_WhenValidCodes_CoversSelfAndBelow(string jurisdiction, string target, bool expected) =>
        Assert.Equal(expected, RegionCode.Covers(jurisdiction, target));

    [Theory]
    [InlineData("32000", "320100")]
    [InlineData("320100", "3201a8")]
    [InlineData("001234", "320100")]
    [InlineData("320100", "320118000")]
    public void Covers_WhenCodeInvalid_ThrowsBadArgumentNamingTheCode(string jurisdiction, string target)
    {
        var error = Assert.Throws<GovAuthZException>(() => RegionCode.Covers(jurisdiction, target));
        Assert.Equal(ErrorCode.EvalBadArgument, error.Code);
        Assert.StartsWith("invalid region code '", error.Detail, StringComparison.Ordinal);
    }
}
