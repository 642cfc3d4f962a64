using VmBench.Core.Results;
using VmBench.Core.Running;

namespace VmBench.Testing;

/// <summary>The simplest estimator for tests that do not test statistics: median and spread, no confidence interval.</summary>
public sealed class MedianEstimator : IEstimator
{
    public Estimate Estimate(IReadOnlyList<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var sorted = samples.Order().ToArray();
        var n = sorted.Length;
        var median = n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
        return new Estimate(median, null, null, sorted[0], sorted[^1], n);
    }
}
