using BenchmarkDotNet.Running;

namespace VmBench.Micro;

/// <summary>
/// The entry point: <c>[--dry]</c> picks the configuration (see <see cref="MicroConfig"/>), every other
/// argument goes to BenchmarkDotNet (<c>--filter</c>, <c>--artifacts</c>, <c>--list flat</c> ...).
/// Exit code 0 when every selected benchmark produced a result, 1 otherwise (or when nothing matched).
/// </summary>
public static class MicroProgram
{
    public const string DryOption = "--dry";

    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var dry = args.Contains(DryOption, StringComparer.OrdinalIgnoreCase);
        var rest = args.Where(a => !string.Equals(a, DryOption, StringComparison.OrdinalIgnoreCase)).ToArray();
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(MicroProgram).Assembly).Run(rest, MicroConfig.Create(dry)).ToList();
        if (rest.Any(a => a is "--list" or "--help" or "-h" or "--info" or "--version"))
        {
            return 0;
        }

        if (summaries.Count == 0 || summaries.All(s => s.BenchmarksCases.Length == 0))
        {
            Console.Error.WriteLine("vmbench micro: no benchmark matched the filter (list them with --list flat)");
            return 1;
        }

        var failed = summaries.SelectMany(s => s.Reports).Where(r => !r.Success || r.ResultStatistics is null).ToList();
        foreach (var report in failed)
        {
            Console.Error.WriteLine($"vmbench micro: {report.BenchmarkCase.DisplayInfo} produced no result (see the log above)");
        }

        return failed.Count == 0 && summaries.All(s => !s.HasCriticalValidationErrors) ? 0 : 1;
    }
}
