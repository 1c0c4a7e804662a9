using GovAuthZ.LoadGen.Reporting;
using GovAuthZ.LoadGen.Running;
using GovAuthZ.LoadGen.Scenarios;

namespace GovAuthZ.LoadGen;

/// <summary>One run from settings to report: probe, load, print. Exit status 0, or 1 when any call failed.</summary>
internal static class LoadRun
{
    public const int CallsFailed = 1;

    public static async Task<int> ExecuteAsync(LoadSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var machine = MachineInfo.Capture();
        using var factory = new CallerFactory(settings);
        var probes = new List<ProbeSummary>();
        foreach (var caller in factory.CreateForWorker(0))
        {
            var decode = caller.Name == ScenarioNames.Health ? null : (Func<ReadOnlyMemory<byte>, Contracts.Decision.V1.CheckResponse>)factory.DecodeCheck;
            probes.Add(await Probe.RunAsync(caller, decode, cancellationToken).ConfigureAwait(false));
        }

        if (await ReportProbeErrorsAsync(probes).ConfigureAwait(false))
        {
            return CallsFailed;
        }

        var result = await ClosedLoopRunner.RunAsync(factory.CreateForWorker, settings, cancellationToken).ConfigureAwait(false);
        var report = new LoadReport(settings, machine.WithLoadAfter(), probes, result);
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

        return result.TotalErrors > 0 ? CallsFailed : 0;
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
