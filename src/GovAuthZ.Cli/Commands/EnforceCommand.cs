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
        var values = new Argument<string[]>("values") { Description = "request values; a JSON object is an ABAC attribute object", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("enforce", "Decide requests against a model and policy.") { model, policy, explain, batch, values };
        command.SetAction(result => Run(
            result.GetValue(model)!,
            result.GetValue(policy),
            result.GetValue(explain),
            result.GetValue(batch),
            result.GetValue(values) ?? []));
        return command;
    }

    private static int Run(string modelPath, string? policyPath, bool explain, bool batch, string[] words)
    {
        Enforcer enforcer;
        try
        {
            enforcer = Enforcer.FromFiles(modelPath, policyPath);
        }
        catch (GovAuthZException error)
        {
            Console.Error.WriteLine("error: " + error.Message);
            return 2;
        }

        if (batch)
        {
            return words.Length == 0
                ? BatchRunner.Run(enforcer, Console.OpenStandardInput(), Console.OpenStandardOutput())
                : Usage("--batch reads requests from standard input and takes no values");
        }

        if (words.Length == 0)
        {
            return Usage("give the request values, e.g. govauthz enforce -m model.conf -p policy.csv alice data1 read");
        }

        var request = new Value[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            request[i] = RequestValues.FromWord(words[i]);
        }

        if (explain)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(ExplanationJson.From(enforcer.Explain(request)), ExplanationJson.Options));
            return 0;
        }

        var outcome = enforcer.Decide(request);
        Console.Out.WriteLine(outcome.Allowed ? "true" : "false");
        if (outcome.Error is { } failure)
        {
            Console.Error.WriteLine("denied because evaluation failed: " + failure.Message);
        }

        return 0;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine("error: " + message);
        return 2;
    }
}
