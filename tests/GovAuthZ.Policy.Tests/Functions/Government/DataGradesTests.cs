using GovAuthZ.Policy.Functions.Government;

namespace GovAuthZ.Policy.Tests.Functions.Government;

public sealed class DataGradesTests
{
    [Theory]
    [InlineData("general", (int)DataGrade.General)]
    [InlineData("GENERAL", (int)DataGrade.General)]
    [InlineData("一般", (int)DataGrade.General)]
    [InlineData("Important", (int)DataGrade.Important)]
    [InlineData("重要", (int)DataGrade.Important)]
    [InlineData("core", (int)DataGrade.Core)]
    [InlineData("核心", (int)DataGrade.Core)]
    public void TryParse_WhenKnownName_ReturnsGrade(string text, int expected)
    {
        Assert.True(DataGrades.TryParse(text, out var grade));
        Assert.Equal((DataGrade)expected, grade);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" general")]
    [InlineData("1")]
    [InlineData("secret")]
    public void TryParse_WhenUnknownName_ReturnsFalse(string text) =>
        Assert.False(DataGrades.TryParse(text, out _));

    [Theory]
    [InlineData("none", (int)PersonalInformation.None)]
    [InlineData("Personal", (int)PersonalInformation.Personal)]
    [InlineData("个人信息", (int)PersonalInformation.Personal)]
    [InlineData("SENSITIVE", (int)PersonalInformation.Sensitive)]
    [InlineData("敏感个人信息", (int)PersonalInformation.Sensitive)]
    public void PersonalInformationTryParse_WhenKnownName_ReturnsCategory(string text, int expected)
    {
        Assert.True(PersonalInformationCategories.TryParse(text, out var category));
        Assert.Equal((PersonalInformation)expected, category);
    }

    [Theory]
    [InlineData("")]
    [InlineData("private")]
    [InlineData("敏感")]
    public void PersonalInformationTryParse_WhenUnknownName_ReturnsFalse(string text) =>
        Assert.False(PersonalInformationCategories.TryParse(text, out _));

    [Theory]
    [InlineData("township", (int)AdministrativeLevel.Township)]
    [InlineData("NATIONAL", (int)AdministrativeLevel.National)]
    [InlineData("3", (int)AdministrativeLevel.Municipal)]
    public void AdministrativeLevelsTryParse_WhenNameOrNumber_ReturnsLevel(string text, int expected)
    {
        Assert.True(AdministrativeLevels.TryParse(text, out var level));
        Assert.Equal((AdministrativeLevel)expected, level);
    }
}
