using GovAuthZ.Policy.Evaluation;

namespace GovAuthZ.Policy.Functions;

/// <summary>
/// A named function callable from matchers, with one delegate per supported arity. Delegates receive
/// values by value (a Value is two words), so calls allocate nothing.
/// </summary>
public sealed class MatcherFunction
{
    internal MatcherFunction(string name)
    {
        Name = name;
    }

    public string Name { get; }

    internal Func<Value, Value>? One { get; set; }

    internal Func<Value, Value, Value>? Two { get; set; }

    internal Func<Value, Value, Value, Value>? Three { get; set; }

    /// <summary>Handles any arity the specific delegates do not.</summary>
    internal Func<Value[], Value>? Many { get; set; }

    internal bool Accepts(int arity) => arity switch
    {
        1 => One is not null || Many is not null,
        2 => Two is not null || Many is not null,
        3 => Three is not null || Many is not null,
        _ => Many is not null,
    };

    /// <summary>The arities this function takes, for error messages.</summary>
    internal string DescribeArities()
    {
        var parts = new List<string>(4);
        if (One is not null)
        {
            parts.Add("1");
        }

        if (Two is not null)
        {
            parts.Add("2");
        }

        if (Three is not null)
        {
            parts.Add("3");
        }

        if (Many is not null)
        {
            parts.Add("any number of");
        }

        return string.Join(" or ", parts);
    }
}
