using System.Globalization;
using GovAuthZ.Policy.Evaluation;
using GovAuthZ.Policy.Functions.Government;

namespace GovAuthZ.Policy.Functions;

/// <summary>
/// Registers the Casbin built-ins and the government functions under the names matchers use. The
/// adapters are static lambdas (no captured state), so each is one cached delegate and a call allocates
/// nothing beyond what the function itself does.
/// </summary>
internal static class BuiltinFunctions
{
    public static void RegisterAll(FunctionRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry
            .Register("keyMatch", static (a, b) => Value.FromBool(KeyMatchFunctions.KeyMatch(Text(a, "keyMatch"), Text(b, "keyMatch"))))
            .Register("keyMatch2", static (a, b) => Value.FromBool(KeyMatchFunctions.KeyMatch2(Text(a, "keyMatch2"), Text(b, "keyMatch2"))))
            .Register("keyMatch3", static (a, b) => Value.FromBool(KeyMatchFunctions.KeyMatch3(Text(a, "keyMatch3"), Text(b, "keyMatch3"))))
            .Register("keyMatch4", static (a, b) => Value.FromBool(KeyMatchFunctions.KeyMatch4(Text(a, "keyMatch4"), Text(b, "keyMatch4"))))
            .Register("keyMatch5", static (a, b) => Value.FromBool(KeyMatchFunctions.KeyMatch5(Text(a, "keyMatch5"), Text(b, "keyMatch5"))))
            .Register("keyGet", static (a, b) => Value.FromString(KeyMatchFunctions.KeyGet(Text(a, "keyGet"), Text(b, "keyGet"))))
            .Register("keyGet2", static (a, b, c) => Value.FromString(KeyMatchFunctions.KeyGet2(Text(a, "keyGet2"), Text(b, "keyGet2"), Text(c, "keyGet2"))))
            .Register("keyGet3", static (a, b, c) => Value.FromString(KeyMatchFunctions.KeyGet3(Text(a, "keyGet3"), Text(b, "keyGet3"), Text(c, "keyGet3"))))
            .Register("regexMatch", static (a, b) => Value.FromBool(RegexFunctions.RegexMatch(Text(a, "regexMatch"), Text(b, "regexMatch"))))
            .Register("ipMatch", static (a, b) => Value.FromBool(IpMatchFunctions.IpMatch(Text(a, "ipMatch"), Text(b, "ipMatch"))))
            .Register("globMatch", static (a, b) => Value.FromBool(GlobFunctions.GlobMatch(Text(a, "globMatch"), Text(b, "globMatch"))));
        RegisterGovernment(registry);
        registry.RegisterConsent(null);
    }

    private static void RegisterGovernment(FunctionRegistry registry)
    {
        registry
            .Register("jurisdiction", static (a, b) => Value.FromBool(GovernmentFunctions.Jurisdiction(Code(a, "jurisdiction"), Code(b, "jurisdiction"))))
            .Register("gradeAtMost", static (a, b) => Value.FromBool(GovernmentFunctions.GradeAtMost(Text(a, "gradeAtMost"), Text(b, "gradeAtMost"))))
            .Register("highestGrade", static (a, b) => Value.FromString(GovernmentFunctions.HighestGrade(Text(a, "highestGrade"), Text(b, "highestGrade"))))
            .Register("levelAtLeast", static (a, b) => Value.FromBool(GovernmentFunctions.LevelAtLeast(Code(a, "levelAtLeast"), Code(b, "levelAtLeast"))));
    }

    /// <summary>A string argument; anything else is a type error that denies the request.</summary>
    private static string Text(Value value, string function) =>
        value.AsString() ?? throw EvaluationErrors.TypeMismatch("an argument of " + function + "()", value, "a string");

    /// <summary>
    /// Region codes and levels arrive as strings from CSV but often as numbers from JSON attributes; a whole
    /// number is accepted and formatted (region codes keep their six digits).
    /// </summary>
    private static string Code(Value value, string function)
    {
        if (value.AsString() is { } text)
        {
            return text;
        }

        if (value.TryGetNumber(out var number) && number >= 0 && number == Math.Floor(number) && number < 1e12)
        {
            var digits = ((long)number).ToString(CultureInfo.InvariantCulture);
            return digits.Length is > 1 and < 6 ? digits.PadLeft(6, '0') : digits;
        }

        throw EvaluationErrors.TypeMismatch("an argument of " + function + "()", value, "a string or a whole number");
    }
}
