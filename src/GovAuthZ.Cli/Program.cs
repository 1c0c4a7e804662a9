using System.CommandLine;
using GovAuthZ.Cli.Commands;

var root = new RootCommand("GovAuthZ: policy-as-code authorization for government data sharing.");
root.Subcommands.Add(EnforceCommand.Create());
root.Subcommands.Add(KeysCommand.Create());
var parsed = root.Parse(args);

// A usage mistake exits 2, as a load failure does, so a script can tell it from a batch with bad lines (1).
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine("error: " + error.Message);
    }

    return 2;
}

return parsed.Invoke();
