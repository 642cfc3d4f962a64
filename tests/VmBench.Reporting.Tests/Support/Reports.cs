using VmBench.Core.Results;
using VmBench.Reporting.Plots;

namespace VmBench.Reporting.Tests.Support;

internal static class Reports
{
    /// <summary>Writes run.json into <paramref name="directory"/> and generates every output from it, as <c>vmbench report</c> does.</summary>
    public static async Task<ReportOutcome> GenerateAsync(RunResult run, string directory)
    {
        RunJson.Write(Path.Combine(directory, RunJson.FileName), run);
        return await ScottPlotReports.CreateGenerator().GenerateAsync(directory, CancellationToken.None);
    }
}
