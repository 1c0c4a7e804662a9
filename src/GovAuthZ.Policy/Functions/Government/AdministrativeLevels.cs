namespace GovAuthZ.Policy.Functions.Government;

/// <summary>Reading <see cref="AdministrativeLevel"/> from policy and request text.</summary>
internal static class AdministrativeLevels
{
    /// <summary>
    /// Accepts the names national, provincial, municipal, county, township (any case) and the numbers 1-5.
    /// </summary>
    public static bool TryParse(string text, out AdministrativeLevel level)
    {
        if (text.Length == 1 && text[0] is >= '1' and <= '5')
        {
            level = (AdministrativeLevel)(text[0] - '0');
            return true;
        }

        level = Is(text, "national") ? AdministrativeLevel.National
            : Is(text, "provincial") ? AdministrativeLevel.Provincial
            : Is(text, "municipal") ? AdministrativeLevel.Municipal
            : Is(text, "county") ? AdministrativeLevel.County
            : Is(text, "township") ? AdministrativeLevel.Township
            : default;
        return level != default;
    }

    private static bool Is(string text, string name) => string.Equals(text, name, StringComparison.OrdinalIgnoreCase);
}
