using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Functions.Government;

namespace GovAuthZ.Policy.Tests.Functions.Government;

public sealed class GovernmentFunctionsTests
{
    [Theory]
    [InlineData("320000", "320118", true)] // a Jiangsu official, Gaochun data
    [InlineData("320100", "320118", true)] // Nanjing covers Gaochun
    [InlineData("320500", "320118", false)] // Suzhou does not cover Gaochun
    [InlineData("320118", "320100", false)] // Gaochun does not cover Nanjing
    [InlineData("110000", "320118", false)] // Beijing does not cover Jiangsu data
    [InlineData("000000", "110101", true)] // national covers Dongcheng, Beijing
    public void Jurisdiction_WhenRegions_FollowsCoverage(string official, string data, bool expected) =>
        Assert.Equal(expected, GovernmentFunctions.Jurisdiction(official, data));

    [Fact]
    public void Jurisdiction_WhenRegionInvalid_ThrowsBadArgument()
    {
        var error = Assert.Throws<GovAuthZException>(() => GovernmentFunctions.Jurisdiction("Jiangsu", "320118"));
        Assert.Equal(ErrorCode.EvalBadArgument, error.Code);
    }

    [Theory]
    [InlineData("general", "general", true)]
    [InlineData("general", "core", true)]
    [InlineData("important", "important", true)]
    [InlineData("important", "general", false)]
    [InlineData("core", "important", false)]
    [InlineData("Core", "CORE", true)]
    [InlineData("重要", "核心", true)]
    [InlineData("核心", "一般", false)]
    public void GradeAtMost_WhenKnownGrades_ComparesOrder(string grade, string clearance, bool expected) =>
        Assert.Equal(expected, GovernmentFunctions.GradeAtMost(grade, clearance));

    [Theory]
    [InlineData("secret", "core")]
    [InlineData("general", "")]
    [InlineData("2", "core")]
    public void GradeAtMost_WhenUnknownGrade_ThrowsBadArgument(string grade, string clearance)
    {
        var error = Assert.Throws<GovAuthZException>(() => GovernmentFunctions.GradeAtMost(grade, clearance));
        Assert.Equal(ErrorCode.EvalBadArgument, error.Code);
    }

    [Theory]
    [InlineData("general", "general", "general")]
    [InlineData("general", "important", "important")]
    [InlineData("core", "general", "core")]
    [InlineData("重要", "一般", "important")]
    [InlineData("IMPORTANT", "核心", "core")]
    public void HighestGrade_WhenCombined_HighestWinsAsCanonicalName(string a, string b, string expected) =>
        Assert.Equal(expected, GovernmentFunctions.HighestGrade(a, b));

    [Fact]
    public void HighestGrade_WhenUnknownGrade_ThrowsBadArgument()
    {
        var error = Assert.Throws<GovAuthZException>(() => GovernmentFunctions.HighestGrade("general", "top"));
        Assert.Equal(ErrorCode.EvalBadArgument, error.Code);
    }

    [Theory]
    [InlineData("national", "township", true)]
    [InlineData("national", "national", true)]
    [InlineData("provincial", "municipal", true)]
    [InlineData("municipal", "provincial", false)]
    [InlineData("county", "county", true)]
    [InlineData("township", "county", false)]
    [InlineData("1", "provincial", true)]
    [InlineData("Municipal", "2", false)]
    [InlineData("4", "5", true)]
    public void LevelAtLeast_WhenLevels_SmallerNumberIsMoreSenior(string level, string required, bool expected) =>
        Assert.Equal(expected, GovernmentFunctions.LevelAtLeast(level, required));

    [Theory]
    [InlineData("0", "county")]
    [InlineData("6", "county")]
    [InlineData("county", "village")]
    [InlineData("", "county")]
    public void LevelAtLeast_WhenUnknownLevel_ThrowsBadArgument(string level, string required)
    {
        var error = Assert.Throws<GovAuthZException>(() => GovernmentFunctions.LevelAtLeast(level, required));
        Assert.Equal(ErrorCode.EvalBadArgument, error.Code);
    }
}
