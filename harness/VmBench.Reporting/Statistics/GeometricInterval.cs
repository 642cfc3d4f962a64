using Perfolizer.Mathematics.Distributions.ContinuousDistributions;

namespace VmBench.Reporting.Statistics;

/// <summary>
/// The 95 % (or other) confidence interval of a figure's center over trials: Student's t interval of the mean of
/// the logarithms, exp(mean(log x) ± t(1 − α/2, n − 1) · sd(log x) / √n), with the quantile from Perfolizer's
/// <see cref="StudentDistribution"/>. Throughput, latency and ratios are positive and spread multiplicatively (a
/// machine that slows by 20 % slows every server by about 20 %), so the log scale is their natural one; the
/// interval is always positive and, unlike quantile-based intervals, still meaningful at 3 trials (wide, as it
/// should be: t(0.975, 2) = 4.30). Values that are not all positive get the same t interval on the raw scale.
/// </summary>
public static class GeometricInterval
{
    /// <summary>The interval, or null with fewer than 2 values.</summary>
    public static (double Lower, double Upper)? Of(IReadOnlyList<double> values, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(values);
        var n = values.Count;
        if (n < 2)
        {
            return null;
        }

        var logScale = values.All(v => v > 0 && double.IsFinite(v));
        var scaled = logScale ? values.Select(v => Math.Log(v)).ToArray() : values.ToArray();
        var mean = scaled.Average();
        var sd = Math.Sqrt(scaled.Sum(v => (v - mean) * (v - mean)) / (n - 1));
        var halfWidth = new StudentDistribution(n - 1).Quantile(1 - (alpha / 2)) * sd / Math.Sqrt(n);
        return logScale ? (Math.Exp(mean - halfWidth), Math.Exp(mean + halfWidth)) : (mean - halfWidth, mean + halfWidth);
    }
}
