using GovAuthZ.Policy.Evaluation;

namespace GovAuthZ.Policy.Functions;

/// <summary>
/// The functions matchers may call, by name. A registry is filled before a model is compiled and read
/// only afterwards: compiled matchers hold the delegates themselves, so changing a registry never affects
/// a snapshot already built.
/// </summary>
public sealed class FunctionRegistry
{
    private readonly Dictionary<string, MatcherFunction> _functions = new(StringComparer.Ordinal);

    /// <summary>A registry holding the Casbin built-ins and the government functions.</summary>
    public static FunctionRegistry CreateDefault()
    {
        var registry = new FunctionRegistry();
        BuiltinFunctions.RegisterAll(registry);
        return registry;
    }

    public FunctionRegistry Register(string name, Func<Value, Value> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        Entry(name).One = function;
        return this;
    }

    public FunctionRegistry Register(string name, Func<Value, Value, Value> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        Entry(name).Two = function;
        return this;
    }

    public FunctionRegistry Register(string name, Func<Value, Value, Value, Value> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        Entry(name).Three = function;
        return this;
    }

    /// <summary>Registers a function taking any number of arguments (called with an array).</summary>
    public FunctionRegistry RegisterVariadic(string name, Func<Value[], Value> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        Entry(name).Many = function;
        return this;
    }

    public bool TryGet(string name, out MatcherFunction function) => _functions.TryGetValue(name, out function!);

    public bool Contains(string name) => _functions.ContainsKey(name);

    /// <summary>A copy that can be extended without changing this registry.</summary>
    public FunctionRegistry Clone()
    {
        var copy = new FunctionRegistry();
        foreach (var (name, function) in _functions)
        {
            var entry = copy.Entry(name);
            entry.One = function.One;
            entry.Two = function.Two;
            entry.Three = function.Three;
            entry.Many = function.Many;
        }

        return copy;
    }

    private MatcherFunction Entry(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!_functions.TryGetValue(name, out var entry))
        {
            entry = new MatcherFunction(name);
            _functions.Add(name, entry);
        }

        return entry;
    }
}
