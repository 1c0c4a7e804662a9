using System.Runtime.InteropServices;

namespace GovAuthZ.LoadGen.Reporting;

/// <summary>
/// The machine a run measured on, and how busy it was: figures from a shared 2-core machine mean little
/// without the load average next to them.
/// </summary>
internal sealed record MachineInfo(int Processors, string CpuModel, string Os, string Runtime, string? LoadBefore, string? LoadAfter)
{
    public static MachineInfo Capture() => new(
        Environment.ProcessorCount,
        ReadCpuModel(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        LoadAverage(),
        null);

    public MachineInfo WithLoadAfter() => this with { LoadAfter = LoadAverage() };

    /// <summary>The 1, 5 and 15 minute load averages from /proc/loadavg, or null where there is none.</summary>
    public static string? LoadAverage()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ', 4);
            return fields.Length >= 3 ? string.Join(' ', fields[0], fields[1], fields[2]) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string ReadCpuModel()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/cpuinfo"))
            {
                if (line.StartsWith("model name", StringComparison.Ordinal) && line.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
                {
                    return line[(colon + 1)..].Trim();
                }
            }
        }
        catch (IOException)
        {
            // Not Linux: the architecture is all we can say.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}
