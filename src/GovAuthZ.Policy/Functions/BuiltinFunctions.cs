namespace GovAuthZ.Policy.Functions;

/// <summary>Registers the built-in matcher functions.</summary>
internal static partial class BuiltinFunctions
{
    public static void RegisterAll(FunctionRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
    }
}
