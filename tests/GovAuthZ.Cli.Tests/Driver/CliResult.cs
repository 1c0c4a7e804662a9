namespace GovAuthZ.Cli.Tests.Driver;

/// <summary>What one run of <c>govauthz</c> produced.</summary>
internal sealed record CliResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Output lines without their terminators; a final newline does not make an extra empty line.</summary>
    public string[] Lines => StandardOutput.Length == 0
        ? []
        : StandardOutput.TrimEnd('\n').Split('\n');
}
