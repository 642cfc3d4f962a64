using VmBench.Core.Load;
using VmBench.Core.Results;

namespace VmBench.Core.Running;

/// <summary>The simplest summary: median and spread, no confidence interval.</summary>
public sealed class MedianSummarizer : IVariationSummarizer
{
    public VariationSummary Summarize(IReadOnlyList<LoadResult> runs) =>
        new(Of(runs.Select(r => r.RequestsPerSecond)), Of(runs.Select(r => r.Latency.P99)));

    private static Estimate Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var n = sorted.Length;
        var median = n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
        return new Estimate(median, null, null, sorted[0], sorted[^1], n);
    }
}
