using FsCheck.Xunit;
using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Functions;

namespace GovAuthZ.Policy.Tests.Functions;

/// <summary>
/// The hand-written matchers must decide exactly as the regex model does, including which patterns are
/// unreadable (the model's regex does not compile; ours throws MatcherInvalidPattern).
/// </summary>
public sealed class KeyMatchPropertyTests
{
    private const int Tests = 3000;

    [Property(MaxTest = Tests, Arbitrary = [typeof(PathArbitraries)])]
    public void KeyMatch2_WhenComparedWithRegexModel_Agrees(PathCase c) =>
        AssertSame(() => KeyMatchReference.KeyMatch2(c.Key, c.Pattern), () => KeyMatchFunctions.KeyMatch2(c.Key, c.Pattern));

    [Property(MaxTest = Tests, Arbitrary = [typeof(PathArbitraries)])]
    public void KeyMatch3_WhenComparedWithRegexModel_Agrees(PathCase c) =>
        AssertSame(() => KeyMatchReference.KeyMatch3(c.Key, c.Pattern), () => KeyMatchFunctions.KeyMatch3(c.Key, c.Pattern));

    [Property(MaxTest = Tests, Arbitrary = [typeof(PathArbitraries)])]
    public void KeyMatch4_WhenComparedWithRegexModel_Agrees(PathCase c) =>
        AssertSame(() => KeyMatchReference.KeyMatch4(c.Key, c.Pattern), () => KeyMatchFunctions.KeyMatch4(c.Key, c.Pattern));

    [Property(MaxTest = Tests, Arbitrary = [typeof(PathArbitraries)])]
    public void KeyMatch4_WhenPatternRepeatsParameter_AgreesWithRegexModel(PathCase c)
    {
        // Repeated names are rare in random patterns; force them so the value comparison is exercised.
        var pattern = c.Pattern + "/{a}/" + c.Pattern + "{a}";
        AssertSame(() => KeyMatchReference.KeyMatch4(c.Key + "/" + c.Key, pattern), () => KeyMatchFunctions.KeyMatch4(c.Key + "/" + c.Key, pattern));
    }

    [Property(MaxTest = Tests, Arbitrary = [typeof(PathArbitraries)])]
    public void KeyMatch5_WhenComparedWithRegexModel_Agrees(PathCase c) =>
        AssertSame(() => KeyMatchReference.KeyMatch5(c.Key, c.Pattern), () => KeyMatchFunctions.KeyMatch5(c.Key, c.Pattern));

    [Property(MaxTest = Tests, Arbitrary = [typeof(PathArbitraries)])]
    public void KeyGet2_WhenComparedWithRegexModel_Agrees(PathCase c) =>
        AssertSame(() => KeyMatchReference.KeyGet2(c.Key, c.Pattern, c.Name), () => KeyMatchFunctions.KeyGet2(c.Key, c.Pattern, c.Name));

    [Property(MaxTest = Tests, Arbitrary = [typeof(PathArbitraries)])]
    public void KeyGet3_WhenComparedWithRegexModel_Agrees(PathCase c) =>
        AssertSame(() => KeyMatchReference.KeyGet3(c.Key, c.Pattern, c.Name), () => KeyMatchFunctions.KeyGet3(c.Key, c.Pattern, c.Name));

    private static void AssertSame<T>(Func<T> reference, Func<T> subject) =>
        Assert.Equal(Outcome(reference), Outcome(subject));

    private static string Outcome<T>(Func<T> run)
    {
        try
        {
            return "value:" + run();
        }
        catch (ArgumentException)
        {
            return "invalid pattern";
        }
        catch (GovAuthZException e) when (e.Code == ErrorCode.MatcherInvalidPattern)
        {
            return "invalid pattern";
        }
    }
}
