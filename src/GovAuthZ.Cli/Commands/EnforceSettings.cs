using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using GovAuthZ.Policy;
using GovAuthZ.Policy.Functions;
using GovAuthZ.Policy.Roles;

namespace GovAuthZ.Cli.Commands;

/// <summary>
/// The compile and context options of <c>govauthz enforce</c>. Each option parses and checks its own
/// value, so a bad value is a parse error (exit status 2) before any file is read.
/// </summary>
internal static class EnforceSettings
{
    public static Option<int> MaxDepth() => new("--max-depth")
    {
        Description = "how many role links deep a hierarchy is followed (default 10)",
        DefaultValueFactory = _ => RoleGraphBuilder.DefaultMaxDepth,
        CustomParser = ParseDepth,
    };

    public static Option<IReadOnlyDictionary<string, string>> Matchers(string name, string description) => new(name)
    {
        Description = description,
        Arity = ArgumentArity.ZeroOrMore,
        DefaultValueFactory = _ => new Dictionary<string, string>(StringComparer.Ordinal),
        CustomParser = ParseMatchers,
    };

    public static Option<EnforceContext> Context() => new("--context")
    {
        Description = "the request, policy, effect and matcher keys to decide with, e.g. r2,p2,e2,m2",
        DefaultValueFactory = _ => EnforceContext.Default,
        CustomParser = ParseContext,
    };

    private static int ParseDepth(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var depth) && depth >= 1)
        {
            return depth;
        }

        result.AddError($"--max-depth takes a whole number of at least 1, not '{text}'");
        return 0;
    }

    private static Dictionary<string, string> ParseMatchers(ArgumentResult result)
    {
        var option = ((OptionResult)result.Parent!).Option.Name;
        var matchers = new Dictionary<string, string>(StringComparer.Ordinal);
        var functions = FunctionRegistry.CreateDefault();
        foreach (var token in result.Tokens)
        {
            var text = token.Value;
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == text.Length - 1 || text.IndexOf('=', equals + 1) >= 0)
            {
                result.AddError($"{option} takes ROLE=FUNCTION, e.g. g=keyMatch2, not '{text}'");
                return matchers;
            }

            var (key, name) = (text[..equals], text[(equals + 1)..]);
            if (!functions.TryGet(name, out var function) || function.Two is null)
            {
                result.AddError($"{option} {text}: '{name}' is not a registered two-argument function");
                return matchers;
            }

            if (!matchers.TryAdd(key, name))
            {
                result.AddError($"{option} names '{key}' more than once");
                return matchers;
            }
        }

        return matchers;
    }

    private static EnforceContext ParseContext(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        var keys = text.Split(',', StringSplitOptions.TrimEntries);
        if (keys.Length != 4 || Array.Exists(keys, key => key.Length == 0))
        {
            result.AddError($"--context takes four keys, request,policy,effect,matcher (e.g. r2,p2,e2,m2), not '{text}'");
            return EnforceContext.Default;
        }

        return new EnforceContext(keys[0], keys[1], keys[2], keys[3]);
    }
}
