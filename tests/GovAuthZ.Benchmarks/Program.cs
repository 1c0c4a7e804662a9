using BenchmarkDotNet.Running;

namespace GovAuthZ.Benchmarks;

/// <summary>
/// Entry point. <c>load</c> (or <c>load-text</c>) runs the one-shot load measurement, which BenchmarkDotNet
/// handles poorly because a single run takes seconds; anything else goes to BenchmarkDotNet's switcher
/// (e.g. <c>--filter '*'</c>).
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] is LoadMeasurement.FileMode or LoadMeasurement.TextMode)
        {
            var rules = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : LoadMeasurement.DefaultRules;
            return LoadMeasurement.Run(args[0], rules);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
