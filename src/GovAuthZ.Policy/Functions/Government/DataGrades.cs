namespace GovAuthZ.Policy.Functions.Government;

/// <summary>Reading and naming <see cref="DataGrade"/>.</summary>
internal static class DataGrades
{
    /// <summary>Accepts general/important/core (any case) and 一般/重要/核心.</summary>
    public static bool TryParse(string text, out DataGrade grade)
    {
        grade = Is(text, "general") || text == "一般" ? DataGrade.General
            : Is(text, "important") || text == "重要" ? DataGrade.Important
            : Is(text, "core") || text == "核心" ? DataGrade.Core
            : default;
        return grade != default;
    }

    /// <summary>The canonical lower-case English name, as written in policies ("general", ...).</summary>
    public static string Name(DataGrade grade) => grade switch
    {
        DataGrade.General => "general",
        DataGrade.Important => "important",
        DataGrade.Core => "core",
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, "not a data grade"),
    };

    private static bool Is(string text, string name) => string.Equals(text, name, StringComparison.OrdinalIgnoreCase);
}
