using System.CommandLine;
using GovAuthZ.Cli.Commands;

var root = new RootCommand("GovAuthZ: policy-as-code authorization for government data sharing.");
root.Subcommands.Add(EnforceCommand.Create());
return root.Parse(args).Invoke();
