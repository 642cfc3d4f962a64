using VmBench.Core.Results;
using VmBench.Reporting.Statistics;

namespace VmBench.Reporting.Compare;

/// <summary>Compares two runs per benchmark and variation: requests/s and p99, change and verdict.</summary>
public static class RunComparer
{
    public static RunComparison Compare(RunResult baseRun, RunResult newRun, ChangeTest? test = null)
    {
        ArgumentNullException.ThrowIfNull(baseRun);
        ArgumentNullException.ThrowIfNull(newRun);
        test ??= ChangeTest.Default;
        var baseCells = Cells(baseRun);
        var newCells = Cells(newRun);
        var rows = new List<ComparisonRow>();
        foreach (var (key, candidate) in newCells)
        {
            if (!baseCells.TryGetValue(key, out var baseline))
            {
                continue;
            }

            var baseRps = baseline.Runs.Select(r => r.RequestsPerSecond).ToList();
            var newRps = candidate.Runs.Select(r => r.RequestsPerSecond).ToList();
            var baseP99 = baseline.Runs.Select(r => r.Latency.P99).ToList();
            var newP99 = candidate.Runs.Select(r => r.Latency.P99).ToList();
            // The medians run.json's cell summaries hold (what results.md and the report print), recomputed only for a file without them.
            var baseRpsMedian = baseline.Variation.Summary?.RequestsPerSecond.Median ?? PerfolizerSummarizer.Of(baseRps).Median;
            var newRpsMedian = candidate.Variation.Summary?.RequestsPerSecond.Median ?? PerfolizerSummarizer.Of(newRps).Median;
            var baseP99Median = baseline.Variation.Summary?.P99Ms.Median ?? PerfolizerSummarizer.Of(baseP99).Median;
            var newP99Median = candidate.Variation.Summary?.P99Ms.Median ?? PerfolizerSummarizer.Of(newP99).Median;
            var (baseRatio, newRatio, ratioVerdict) = Ratios(baseline.Variation, candidate.Variation, test);
            rows.Add(new ComparisonRow(
                key.Benchmark,
                candidate.Variation.Label,
                key.Size,
                key.Concurrency,
                baseRps.Count,
                newRps.Count,
                baseRpsMedian,
                newRpsMedian,
                Change(baseRpsMedian, newRpsMedian),
                test.Compare(baseRps, newRps, higherIsBetter: true),
                baseP99Median,
                newP99Median,
                Change(baseP99Median, newP99Median),
                test.Compare(baseP99, newP99, higherIsBetter: false),
                baseRatio,
                newRatio,
                ratioVerdict,
                baseline.Variation.Status == Status.Running || candidate.Variation.Status == Status.Running));
        }

        rows.Sort((a, b) => (a.Benchmark, a.MessageSize, a.Concurrency).CompareTo((b.Benchmark, b.MessageSize, b.Concurrency)));
        var onlyInBase = baseCells.Keys.Where(k => !newCells.ContainsKey(k)).Select(Describe).Order(StringComparer.Ordinal).ToList();
        var onlyInNew = newCells.Keys.Where(k => !baseCells.ContainsKey(k)).Select(Describe).Order(StringComparer.Ordinal).ToList();
        return new RunComparison(baseRun, newRun, test.ThresholdPercent, test.Alpha, test.MinimumTrials, rows, onlyInBase, onlyInNew);
    }

    /// <summary>(new / base - 1) x 100; NaN when either figure is not a positive number (zero, negative or NaN is no measurement to change from or to).</summary>
    public static double Change(double baseline, double candidate) =>
        baseline > 0 && candidate > 0 && double.IsFinite(baseline) && double.IsFinite(candidate) ? ((candidate / baseline) - 1) * 100 : double.NaN;

    /// <summary>Both runs' fractions of the limit (medians over trials) and the verdict over the per-trial ratios, when both runs have them against the same reference.</summary>
    private static (double? Base, double? New, ChangeVerdict? Verdict) Ratios(VariationResult baseline, VariationResult candidate, ChangeTest test)
    {
        if (baseline.Summary is not { Reference: { } baseReference, ReferenceRatios.Count: > 0 } baseSummary
            || candidate.Summary is not { Reference: { } newReference, ReferenceRatios.Count: > 0 } newSummary
            || baseReference != newReference)
        {
            return (null, null, null);
        }

        // The medians the cell summaries hold (what results.md and the report print), recomputed only for a file without them.
        return (
            baseSummary.ReferenceRatio?.Median ?? PerfolizerSummarizer.Of(baseSummary.ReferenceRatios).Median,
            newSummary.ReferenceRatio?.Median ?? PerfolizerSummarizer.Of(newSummary.ReferenceRatios).Median,
            test.Compare(baseSummary.ReferenceRatios, newSummary.ReferenceRatios, higherIsBetter: true));
    }

    private static Dictionary<CellKey, Cell> Cells(RunResult run)
    {
        var cells = new Dictionary<CellKey, Cell>();
        foreach (var benchmark in run.Benchmarks)
        {
            foreach (var variation in benchmark.Variations)
            {
                var runs = variation.Runs.Where(r => r.Succeeded).ToList();
                if (runs.Count > 0)
                {
                    cells[new CellKey(benchmark.Name, variation.MessageSize, variation.Concurrency)] = new Cell(variation, runs);
                }
            }
        }

        return cells;
    }

    private static string Describe(CellKey key) => $"{key.Benchmark} {VariationResult.LabelOf(key.Size, key.Concurrency)}";

    private readonly record struct CellKey(string Benchmark, int Size, int Concurrency);

    private sealed record Cell(VariationResult Variation, IReadOnlyList<Core.Load.LoadResult> Runs);
}
