using System.Diagnostics;
using System.Text;

namespace GovAuthZ.Cli.Tests.Driver;

/// <summary>
/// Starts the real <c>govauthz</c> (the govauthz.dll built next to the tests) under the dotnet host. Every
/// wait is bounded and a process that overstays is killed, so a hang fails the test instead of blocking
/// the run.
/// </summary>
internal sealed class CliProcess : IDisposable
{
    /// <summary>Generous on purpose: a cold start on a loaded machine takes seconds, a hang takes forever.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private readonly Process _process;
    private readonly Task<string> _errors;

    private CliProcess(Process process)
    {
        _process = process;
        _errors = process.StandardError.ReadToEndAsync();
    }

    public StreamWriter Input => _process.StandardInput;

    public StreamReader Output => _process.StandardOutput;

    public static CliProcess Start(params string[] arguments)
    {
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = Utf8NoBom,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "govauthz.dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("govauthz did not start");
        process.StandardInput.NewLine = "\n";
        return new CliProcess(process);
    }

    /// <summary>Runs to completion with <paramref name="input"/> on standard input (closed afterwards).</summary>
    public static async Task<CliResult> RunAsync(string input, params string[] arguments)
    {
        using var cli = Start(arguments);
        var output = cli.Output.ReadToEndAsync();
        await cli.Input.WriteAsync(input).WaitAsync(Timeout);
        cli.Input.Close();
        return await cli.FinishAsync(output);
    }

    /// <summary>Reads one output line, failing (and killing the process) if none comes within the timeout.</summary>
    public async Task<string?> ReadLineAsync()
    {
        try
        {
            return await Output.ReadLineAsync().WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            Kill();
            throw new TimeoutException($"govauthz gave no output line within {Timeout.TotalSeconds} s");
        }
    }

    /// <summary>Waits for exit and gathers what is left of standard output and standard error.</summary>
    public async Task<CliResult> FinishAsync(Task<string> output)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(Timeout);
            return new CliResult(_process.ExitCode, await output.WaitAsync(Timeout), await _errors.WaitAsync(Timeout));
        }
        catch (TimeoutException)
        {
            Kill();
            throw new TimeoutException($"govauthz did not finish within {Timeout.TotalSeconds} s");
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill: nothing left to stop.
        }
    }

    // The test host runs under dotnet, which names itself in DOTNET_HOST_PATH; fall back to the PATH entry.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
}
