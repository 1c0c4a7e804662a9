namespace GovAuthZ.Policy.Functions.Government;

/// <summary>Reading <see cref="PersonalInformation"/> from catalog and request text.</summary>
internal static class PersonalInformationCategories
{
    /// <summary>Accepts none/personal/sensitive (any case) and 个人信息 / 敏感个人信息.</summary>
    public static bool TryParse(string text, out PersonalInformation category)
    {
        if (Is(text, "none"))
        {
            category = PersonalInformation.None;
            return true;
        }

        if (Is(text, "personal") || text == "个人信息")
        {
            category = PersonalInformation.Personal;
            return true;
        }

        if (Is(text, "sensitive") || text == "敏感个人信息")
        {
            category = PersonalInformation.Sensitive;
            return true;
        }

        category = PersonalInformation.None;
        return false;
    }

    private static bool Is(string text, string name) => string.Equals(text, name, StringComparison.OrdinalIgnoreCase);
}
