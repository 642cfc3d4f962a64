using VmBench.Core.Results;

namespace VmBench.Reporting.Tables;

/// <summary>What every output says about a run.json left by a run that never finished (its status still <c>running</c>).</summary>
public static class InterruptedRun
{
    /// <summary>Null for a run that finished; else the warning naming its unfinished benchmarks.</summary>
    public static string? Note(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Status != RunStatus.Running)
        {
            return null;
        }

        var unfinished = run.Benchmarks.Where(b => b.Status == Status.Running).Select(b => b.Name).ToList();
        return "This run did not finish: its run.json still says running (vmbench was killed or crashed, or is still measuring); "
            + (unfinished.Count == 0 ? "every benchmark had ended." : $"not finished, with fewer trials than planned: {string.Join(", ", unfinished)}.");
    }
}
