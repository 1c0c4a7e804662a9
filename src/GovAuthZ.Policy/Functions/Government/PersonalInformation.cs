namespace GovAuthZ.Policy.Functions.Government;

/// <summary>
/// Whether data holds personal information (PIPL), kept apart from the data grade. Sensitive personal
/// information (PIPL Art. 28-29) needs separate consent.
/// </summary>
internal enum PersonalInformation
{
    None = 0,
    Personal = 1,
    Sensitive = 2,
}
