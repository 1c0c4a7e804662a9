using System.Diagnostics;
using System.Globalization;
using GovAuthZ.Policy;

namespace GovAuthZ.Benchmarks;

/// <summary>
/// Loads a large generated RBAC policy once and prints wall time, bytes allocated and peak working set.
/// Runs outside BenchmarkDotNet: one load takes seconds, and what matters is the single cold figure.
/// </summary>
internal static class LoadMeasurement
{
    public const string FileMode = "load";
    public const string TextMode = "load-text";
    public const int DefaultRules = 1_000_000;
    private const int Users = 10_000;
    private const int Roles = 1_000;

    public static int Run(string mode, int rules)
    {
        var directory = Directory.CreateTempSubdirectory("govauthz-load-");
        try
        {
            var modelPath = Path.Combine(directory.FullName, "model.conf");
            var policyPath = Path.Combine(directory.FullName, "policy.csv");
            File.WriteAllText(modelPath, Models.Rbac);
            var policy = mode == FileMode ? WritePolicy(policyPath, rules) : PolicyGenerator.Rbac(Users, Roles, rules);

            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var text = policy.Text;
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            var enforcer = mode == FileMode ? Enforcer.FromFiles(modelPath, policyPath) : Enforcer.FromText(Models.Rbac, text);
            clock.Stop();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            Report(mode, policy.RuleCount, clock.Elapsed, allocated, enforcer.Enforce(policy.Allowed) && !enforcer.Enforce(policy.Denied));
            GC.KeepAlive(enforcer);
            return 0;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Streams the generated policy to disk, so the file mode's peak working set holds no copy of its text.</summary>
    private static GeneratedPolicy WritePolicy(string path, int rules)
    {
        using var writer = new StreamWriter(path);
        return PolicyGenerator.Rbac(writer, Users, Roles, rules);
    }

    private static void Report(string mode, int rules, TimeSpan elapsed, long allocated, bool decidesCorrectly)
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        GC.Collect();
        var retained = GC.GetTotalMemory(forceFullCollection: true);
        var culture = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(culture, $"mode: {mode} ({(mode == FileMode ? "Enforcer.FromFiles on a temp file" : "Enforcer.FromText")})"));
        Console.WriteLine(string.Create(culture, $"rules: {rules:N0} p lines (plus g lines)"));
        Console.WriteLine(string.Create(culture, $"load time: {elapsed.TotalSeconds:F2} s"));
        Console.WriteLine(string.Create(culture, $"allocated during load: {allocated / 1048576.0:F0} MiB"));
        Console.WriteLine(string.Create(culture, $"retained after load (GC heap): {retained / 1048576.0:F0} MiB"));
        Console.WriteLine(string.Create(culture, $"peak working set (process): {process.PeakWorkingSet64 / 1048576.0:F0} MiB"));
        Console.WriteLine(string.Create(culture, $"decides the sample requests correctly: {decidesCorrectly}"));
    }
}
