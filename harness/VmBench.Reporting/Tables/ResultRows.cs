using VmBench.Core.Load;
using VmBench.Core.Results;

namespace VmBench.Reporting.Tables;

/// <summary>Flattens a run into <see cref="ResultRow"/>s: benchmarks in run order, variations in measured order.</summary>
internal static class ResultRows
{
    public static IReadOnlyList<ResultRow> From(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var rows = new List<ResultRow>();
        foreach (var benchmark in run.Benchmarks)
        {
            if (benchmark.Variations.Count == 0)
            {
                rows.Add(new ResultRow(benchmark, null, benchmark.Status, benchmark.Reason));
                continue;
            }

            foreach (var variation in benchmark.Variations)
            {
                rows.Add(Of(benchmark, variation));
            }
        }

        return rows;
    }

    public static ResultRow Of(BenchmarkResult benchmark, VariationResult variation)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        ArgumentNullException.ThrowIfNull(variation);
        var status = variation.Status == Status.Ok && benchmark.Status != Status.Ok && variation.Runs.Count == 0 ? benchmark.Status : variation.Status;
        var reason = variation.Reason ?? (status == Status.Ok ? null : benchmark.Reason);
        return new ResultRow(benchmark, variation, status, reason);
    }

    /// <summary>The successful trial whose requests/s is nearest <paramref name="median"/> (the first on ties).</summary>
    public static LoadResult? Representative(IReadOnlyList<LoadResult> runs, double? median)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var ok = runs.Where(r => r.Succeeded).ToList();
        if (ok.Count == 0)
        {
            return null;
        }

        var target = median ?? ok[0].RequestsPerSecond;
        return ok.MinBy(r => Math.Abs(r.RequestsPerSecond - target));
    }
}
