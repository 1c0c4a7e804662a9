using FsCheck.Fluent;
using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Functions;

namespace GovAuthZ.Policy.Tests.Functions;

/// <summary>The property tests only prove something if the generated cases cover every outcome.</summary>
public sealed class PathArbitrariesTests
{
    private const int Samples = 2000;

    [Fact]
    public void PathCase_WhenSampled_CoversMatchesMismatchesAndInvalidPatterns()
    {
        int matches = 0, mismatches = 0, invalid = 0;
        foreach (var c in PathArbitraries.PathCase().Generator.Sample(Samples))
        {
            switch (Try(() => KeyMatchFunctions.KeyMatch3(c.Key, c.Pattern)))
            {
                case true: matches++; break;
                case false: mismatches++; break;
                default: invalid++; break;
            }
        }

        Assert.True(matches >= Samples / 10, $"only {matches} matches");
        Assert.True(mismatches >= Samples / 10, $"only {mismatches} mismatches");
        Assert.True(invalid >= Samples / 100, $"only {invalid} invalid patterns");
    }

    [Fact]
    public void PathCase_WhenSampled_OftenNamesAParameterThatCaptures()
    {
        int colon = 0, brace = 0;
        foreach (var c in PathArbitraries.PathCase().Generator.Sample(Samples))
        {
            colon += Try(() => KeyMatchFunctions.KeyGet2(c.Key, c.Pattern, c.Name).Length > 0) == true ? 1 : 0;
            brace += Try(() => KeyMatchFunctions.KeyGet3(c.Key, c.Pattern, c.Name).Length > 0) == true ? 1 : 0;
        }

        Assert.True(colon >= Samples / 40, $"only {colon} keyGet2 captures");
        Assert.True(brace >= Samples / 40, $"only {brace} keyGet3 captures");
    }

    private static bool? Try(Func<bool> run)
    {
        try
        {
            return run();
        }
        catch (GovAuthZException)
        {
            return null;
        }
    }
}
