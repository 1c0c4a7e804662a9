using GovAuthZ.Contracts.Decision.V1;
using GovAuthZ.LoadGen.Reporting;
using GovAuthZ.LoadGen.Running;
using GovAuthZ.LoadGen.Scenarios;

namespace GovAuthZ.LoadGen;

/// <summary>
/// One run from settings to report: probe, load, print. Exit status 0; 1 when any call failed; 130 when
/// stopped early (Ctrl+C or SIGTERM), after printing what was measured until then.
/// </summary>
internal static class LoadRun
{
    public const int CallsFailed = 1;
    public const int Stopped = 130;

    public static async Task<int> ExecuteAsync(LoadSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var factory = new CallerFactory(settings);
        if (settings.SaveRequest is { } requestFile)
        {
            await File.WriteAllBytesAsync(requestFile, factory.FirstRequestBody, cancellationToken).ConfigureAwait(false);
            return 0;
        }

        var machine = MachineInfo.Capture();
        var probes = await ProbeAsync(factory, cancellationToken).ConfigureAwait(false);
        if (await ReportProbeErrorsAsync(probes).ConfigureAwait(false))
        {
            return CallsFailed;
        }

        var result = await ClosedLoopRunner.RunAsync(factory.CreateForWorker, settings, cancellationToken).ConfigureAwait(false);
        Print(settings, new LoadReport(settings, machine.WithLoadAfter(), probes, result));
        return result.TotalErrors > 0 ? CallsFailed : result.Cancelled ? Stopped : 0;
    }

    private static async Task<List<ProbeSummary>> ProbeAsync(CallerFactory factory, CancellationToken cancellationToken)
    {
        var probes = new List<ProbeSummary>();
        foreach (var caller in factory.CreateForWorker(0))
        {
            using var owned = caller;
            var decode = caller.Name == ScenarioNames.Health || !factory.AnswersChecks ? null : (Func<ReadOnlyMemory<byte>, CheckResponse>)factory.DecodeCheck;
            probes.Add(await Probe.RunAsync(caller, decode, cancellationToken).ConfigureAwait(false));
        }

        return probes;
    }

    private static void Print(LoadSettings settings, LoadReport report)
    {
        if (settings.Json)
        {
            using var output = Console.OpenStandardOutput();
            JsonReport.Write(output, report);
            output.Write("\n"u8);
        }
        else
        {
            TableReport.Write(Console.Out, report);
        }

        if (settings.JsonFile is { } path)
        {
            using var file = File.Create(path);
            JsonReport.Write(file, report);
        }
    }

    /// <summary>A run that could only measure failures stops here, naming the first few.</summary>
    private static async Task<bool> ReportProbeErrorsAsync(List<ProbeSummary> probes)
    {
        const int Shown = 5;
        var failed = false;
        foreach (var probe in probes)
        {
            for (var i = 0; i < probe.Errors.Count && i < Shown; i++)
            {
                await Console.Error.WriteLineAsync($"error: probe {probe.Name}: {probe.Errors[i]}").ConfigureAwait(false);
                failed = true;
            }

            if (probe.Errors.Count > Shown)
            {
                await Console.Error.WriteLineAsync($"error: probe {probe.Name}: {probe.Errors.Count - Shown} more").ConfigureAwait(false);
            }
        }

        return failed;
    }
}
