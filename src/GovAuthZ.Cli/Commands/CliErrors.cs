using GovAuthZ.Core.Errors;

namespace GovAuthZ.Cli.Commands;

/// <summary>How the command line prints a coded error: <c>GAZ1301 file:line:col: what was wrong</c>.</summary>
internal static class CliErrors
{
    /// <summary>
    /// Code first and separated by a space, so every error line the tool prints (load failures and batch
    /// answers alike) reads <c>error: CODE ...</c> and a script can take the code as the second word.
    /// </summary>
    public static string Format(GovAuthZException error)
    {
        var location = error.Location;
        return location.Line == 0 && location.File.Length == 0
            ? $"{error.CodeId} {Flatten(error.Detail)}"
            : $"{error.CodeId} {location}: {Flatten(error.Detail)}";
    }

    private static string Flatten(string text) => text.ReplaceLineEndings(" ");
}
