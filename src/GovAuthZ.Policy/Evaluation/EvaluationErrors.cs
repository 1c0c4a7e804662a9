using GovAuthZ.Core.Errors;

namespace GovAuthZ.Policy.Evaluation;

/// <summary>
/// Builds the exceptions that abort one evaluation. They never reach an Enforce caller: the enforcer
/// turns them into a deny carrying the code and message (fail closed).
/// </summary>
internal static class EvaluationErrors
{
    public static GovAuthZException TypeMismatch(string what, Value actual, string expected) =>
        new(ErrorCode.EvalTypeMismatch, $"{what} is {Describe(actual)}, expected {expected}");

    public static GovAuthZException MissingAttribute(string path, string member) =>
        new(ErrorCode.EvalMissingAttribute, $"{path} has no attribute '{member}'");

    public static GovAuthZException NotAnObject(string path, Value actual) =>
        new(ErrorCode.EvalMissingAttribute, $"{path} is {Describe(actual)}, not an object with attributes");

    public static string Describe(Value value) => value.Kind switch
    {
        ValueKind.Null => "null",
        ValueKind.Bool => "a boolean",
        ValueKind.Number => "a number",
        ValueKind.String => "a string",
        _ => "an object",
    };
}
