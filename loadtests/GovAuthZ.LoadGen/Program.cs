using GovAuthZ.LoadGen;
using GovAuthZ.LoadGen.Cli;

var root = LoadGenCommand.Create(LoadRun.ExecuteAsync);
var parsed = root.Parse(args);

// A usage mistake exits 2, so a script can tell it from a run in which calls failed (1).
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        await Console.Error.WriteLineAsync("error: " + error.Message).ConfigureAwait(false);
    }

    return LoadGenCommand.UsageError;
}

return await parsed.InvokeAsync().ConfigureAwait(false);
