using GovAuthZ.Core.Errors;

namespace GovAuthZ.Policy.Functions.Government;

/// <summary>
/// Our matcher functions for government data: jurisdiction over region codes, data grades against a
/// clearance, and seniority of administrative levels. Bad arguments throw <c>EvalBadArgument</c>, which
/// makes the request a deny, never a silent allow. Thread safety: stateless; no allocation except errors.
/// </summary>
internal static class GovernmentFunctions
{
    /// <summary>
    /// jurisdiction(officialRegion, dataRegion): whether an official's region covers the data's region
    /// (see <see cref="RegionCode.Covers"/>).
    /// </summary>
    public static bool Jurisdiction(string officialRegion, string dataRegion) =>
        RegionCode.Covers(officialRegion, dataRegion);

    /// <summary>gradeAtMost(grade, clearance): whether data of this grade is within the clearance.</summary>
    public static bool GradeAtMost(string grade, string clearance) =>
        Grade(grade, "grade") <= Grade(clearance, "clearance");

    /// <summary>
    /// highestGrade(a, b): the grade of data combined from parts graded a and b ("highest wins"), as its
    /// canonical name ("general", "important", "core") whatever spelling the arguments used.
    /// </summary>
    public static string HighestGrade(string a, string b)
    {
        var first = Grade(a, "a");
        var second = Grade(b, "b");
        return DataGrades.Name(first >= second ? first : second);
    }

    /// <summary>
    /// levelAtLeast(level, required): whether a body at <paramref name="level"/> is at least as senior as
    /// <paramref name="required"/> (national passes every requirement; township only "township").
    /// </summary>
    public static bool LevelAtLeast(string level, string required) =>
        Level(level, "level") <= Level(required, "required");

    private static DataGrade Grade(string text, string argument) =>
        DataGrades.TryParse(text, out var grade)
            ? grade
            : throw new GovAuthZException(ErrorCode.EvalBadArgument, $"unknown data grade {FunctionArguments.Quote(text)} for {argument}; expected general, important or core");

    private static AdministrativeLevel Level(string text, string argument) =>
        AdministrativeLevels.TryParse(text, out var level)
            ? level
            : throw new GovAuthZException(ErrorCode.EvalBadArgument, $"unknown administrative level {FunctionArguments.Quote(text)} for {argument}; expected national, provincial, municipal, county, township or 1-5");
}
