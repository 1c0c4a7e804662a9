namespace GovAuthZ.Policy.Functions.Government;

/// <summary>
/// The tier of a government body. A smaller number is more senior: national (1) is above every other level.
/// </summary>
internal enum AdministrativeLevel
{
    National = 1,
    Provincial = 2,
    Municipal = 3,
    County = 4,
    Township = 5,
}
