using System.CommandLine;
using System.Text.Json;
using GovAuthZ.Core.Errors;
using GovAuthZ.Policy;
using GovAuthZ.Policy.Evaluation;

namespace GovAuthZ.Cli.Commands;

/// <summary><c>govauthz enforce</c>: one request from the command line, or many as JSON Lines on standard input.</summary>
internal static class EnforceCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model", "-m") { Description = "Casbin model file (.conf)", Required = true };
        var policy = new Option<string?>("--policy", "-p") { Description = "Casbin policy file (CSV)" };
        var explain = new Option<bool>("--explain") { Description = "print a JSON object with the decision and the matched rule" };
        var batch = new Option<bool>("--batch") { Description = "read JSON Lines requests from standard input, answer one line each" };
        var maxDepth = EnforceSettings.MaxDepth();
        var roleMatchers = EnforceSettings.Matchers("--role-matcher", "lets role names of a role definition be patterns, e.g. g=keyMatch2 (repeatable)");
        var domainMatchers = EnforceSettings.Matchers("--domain-matcher", "lets domains of a role definition be patterns, e.g. g=keyMatch (repeatable)");
        var context = EnforceSettings.Context();
        var values = new Argument<string[]>("values") { Description = "request values; a JSON object is an ABAC attribute object", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("enforce", "Decide requests against a model and policy.")
        {
            model, policy, explain, batch, maxDepth, roleMatchers, domainMatchers, context, values,
        };
        command.SetAction(result => Run(
            new EnforceRequest(
                result.GetValue(model)!,
                result.GetValue(policy),
                new EnforcerOptions
                {
                    MaxRoleDepth = result.GetValue(maxDepth),
                    RoleNameMatchers = result.GetValue(roleMatchers)!,
                    RoleDomainMatchers = result.GetValue(domainMatchers)!,
                },
                result.GetValue(context)),
            result.GetValue(explain),
            result.GetValue(batch),
            result.GetValue(values) ?? []));
        return command;
    }

    private static int Run(EnforceRequest setup, bool explain, bool batch, string[] words)
    {
        Enforcer enforcer;
        try
        {
            enforcer = Enforcer.FromFiles(setup.ModelPath, setup.PolicyPath, setup.Options);
        }
        catch (GovAuthZException error)
        {
            return Usage(CliErrors.Format(error));
        }

        if (CheckContext(enforcer, setup.Context) is { } contextError)
        {
            return Usage(contextError);
        }

        if (batch)
        {
            return words.Length == 0
                ? BatchRunner.Run(enforcer, setup.Context, Console.OpenStandardInput(), Console.OpenStandardOutput())
                : Usage("--batch reads requests from standard input and takes no values");
        }

        return words.Length == 0
            ? Usage("give the request values, e.g. govauthz enforce -m model.conf -p policy.csv alice data1 read")
            : RunOne(enforcer, setup.Context, explain, words);
    }

    private static int RunOne(Enforcer enforcer, EnforceContext context, bool explain, string[] words)
    {
        var request = new Value[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            request[i] = RequestValues.FromWord(words[i]);
        }

        if (explain)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(ExplanationJson.From(enforcer.Explain(context, request)), ExplanationJson.Options));
            return 0;
        }

        var outcome = enforcer.Decide(context, request);
        Console.Out.WriteLine(outcome.Allowed ? "true" : "false");
        if (outcome.Error is { } failure)
        {
            Console.Error.WriteLine("denied because evaluation failed: " + CliErrors.Format(failure));
        }

        return 0;
    }

    /// <summary>
    /// Whether the model defines the context's keys. An undefined key would otherwise make every request a
    /// deny with the same error, which a batch would report as thousands of ordinary "false" answers.
    /// </summary>
    private static string? CheckContext(Enforcer enforcer, EnforceContext context)
    {
        // An empty request reaches the context's plan and stops at the arity check, evaluating nothing.
        var probe = enforcer.Decide(context, ReadOnlySpan<Value>.Empty);
        return probe.Error is { Code: not ErrorCode.EvalRequestArity } error
            ? $"--context {context.Request},{context.Policy},{context.Effect},{context.Matcher}: {CliErrors.Format(error)}"
            : null;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine("error: " + message);
        return 2;
    }

    private sealed record EnforceRequest(string ModelPath, string? PolicyPath, EnforcerOptions Options, EnforceContext Context);
}
