using System.Globalization;
using GovAuthZ.Core.Errors;

namespace GovAuthZ.Policy.Parsing;

/// <summary>
/// Checks the keys of one section. Casbin reads a section's definitions as <c>r</c>, <c>r2</c>, <c>r3</c>...
/// and stops at the first gap, silently dropping the rest; we reject a key it would drop (wrong letter,
/// <c>r1</c>, <c>r02</c>, a gap) instead of letting a definition vanish.
/// </summary>
internal static class DefinitionKeys
{
    /// <summary>The section's assignments ordered by key number, each key checked.</summary>
    public static List<ModelAssignment> Ordered(ModelSection section)
    {
        var letter = ModelSections.LetterOf(section.Name);
        var ordered = new List<(int Number, ModelAssignment Assignment)>(section.Assignments.Length);
        foreach (var assignment in section.Assignments)
        {
            ordered.Add((NumberOf(assignment, letter), assignment));
        }

        ordered.Sort(static (a, b) => a.Number.CompareTo(b.Number));
        var result = new List<ModelAssignment>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var (number, assignment) = ordered[i];
            if (number != i + 1)
            {
                var missing = KeyFor(letter, i + 1);
                throw new GovAuthZException(
                    ErrorCode.ModelInvalidDefinition,
                    $"'{assignment.Key}' is defined but '{missing}' is not; definitions are numbered without gaps",
                    assignment.KeyLocation);
            }

            result.Add(assignment);
        }

        return result;
    }

    /// <summary>1 for the bare letter, n for the letter followed by n (n at least 2, no leading zero).</summary>
    private static int NumberOf(ModelAssignment assignment, char letter)
    {
        var key = assignment.Key;
        if (key.Length == 1 && key[0] == letter)
        {
            return 1;
        }

        var digits = key.AsSpan(1);
        if (key[0] == letter
            && digits.Length is > 0 and < 6
            && digits[0] != '0'
            && IsAsciiDigits(digits)
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number >= 2)
        {
            return number;
        }

        throw new GovAuthZException(
            ErrorCode.ModelInvalidDefinition,
            $"key '{key}' is not valid in [{assignment.Section}]; use '{letter}', '{letter}2', '{letter}3', ...",
            assignment.KeyLocation);
    }

    private static bool IsAsciiDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string KeyFor(char letter, int number) =>
        number == 1 ? letter.ToString() : string.Create(CultureInfo.InvariantCulture, $"{letter}{number}");
}
