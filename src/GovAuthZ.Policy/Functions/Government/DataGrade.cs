namespace GovAuthZ.Policy.Functions.Government;

/// <summary>
/// Data classification grade in the style of GB/T 43697: general (一般), important (重要), core (核心).
/// Ordered: a larger value is more protected, and combined data takes the highest grade of its parts.
/// </summary>
internal enum DataGrade
{
    General = 1,
    Important = 2,
    Core = 3,
}
