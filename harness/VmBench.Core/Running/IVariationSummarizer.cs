using VmBench.Core.Load;
using VmBench.Core.Results;

namespace VmBench.Core.Running;

/// <summary>Turns a variation's repeats into its headline figures (median, confidence interval, spread).</summary>
public interface IVariationSummarizer
{
    VariationSummary Summarize(IReadOnlyList<LoadResult> runs);
}
