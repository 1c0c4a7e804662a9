using GovAuthZ.Core.Errors;
using GovAuthZ.Policy.Evaluation;

namespace GovAuthZ.Policy.Functions;

/// <summary>
/// Registers <c>consent(citizen, recipient, purpose, dataset)</c>. Without a checker the function still
/// exists, so models that use it load, but every call is an error and so a deny (fail closed).
/// </summary>
public static class ConsentFunction
{
    public const string Name = "consent";

    public static FunctionRegistry RegisterConsent(this FunctionRegistry registry, IConsentChecker? checker)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.RegisterVariadic(Name, arguments => Invoke(checker, arguments));
    }

    private static Value Invoke(IConsentChecker? checker, Value[] arguments)
    {
        if (arguments.Length != 4)
        {
            throw new GovAuthZException(ErrorCode.EvalBadArgument, $"consent() takes citizen, recipient, purpose and dataset, not {arguments.Length} arguments");
        }

        if (checker is null)
        {
            throw new GovAuthZException(ErrorCode.EvalFunctionFailed, "consent() was called but no consent store is configured");
        }

        var values = new string[4];
        for (var i = 0; i < 4; i++)
        {
            values[i] = arguments[i].AsString()
                ?? throw EvaluationErrors.TypeMismatch($"argument {i + 1} of consent()", arguments[i], "a string");
        }

        return Value.FromBool(checker.HasConsent(values[0], values[1], values[2], values[3]));
    }
}
