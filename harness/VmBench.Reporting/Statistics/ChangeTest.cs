using Perfolizer.Mathematics.Common;
using Perfolizer.Mathematics.SignificanceTesting;
using Perfolizer.Mathematics.SignificanceTesting.MannWhitney;
using Perfolizer.Metrology;
using Pragmastat;

namespace VmBench.Reporting.Statistics;

/// <summary>
/// Tells whether a figure changed between two sets of repeats, as BenchmarkDotNet's statistical test column
/// does: Perfolizer's equivalence test built on the Mann-Whitney U test, with a relative threshold (a change
/// smaller than the threshold is never reported) at significance level 0.05.
/// </summary>
public sealed class ChangeTest
{
    public const double DefaultThresholdPercent = 5;

    private static readonly SimpleEquivalenceTest s_test = new(MannWhitneyTest.Instance);

    private readonly Threshold _threshold;

    /// <param name="thresholdPercent">The smallest relative change worth reporting, in percent.</param>
    public ChangeTest(double thresholdPercent = DefaultThresholdPercent)
    {
        ThresholdPercent = thresholdPercent;
        _threshold = Threshold.Parse(thresholdPercent.ToString(System.Globalization.CultureInfo.InvariantCulture) + "%");
    }

    public static ChangeTest Default { get; } = new();

    public double ThresholdPercent { get; }

    /// <param name="higherIsBetter">True for requests/s, false for latency.</param>
    public Verdict Compare(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate, bool higherIsBetter)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        if (baseline.Count < 2 || candidate.Count < 2)
        {
            return Verdict.NotApplicable;
        }

        var result = s_test.Perform(new Sample(candidate.ToArray()), new Sample(baseline.ToArray()), _threshold, SignificanceLevel.P05);
        return result switch
        {
            ComparisonResult.Greater => higherIsBetter ? Verdict.Faster : Verdict.Slower,
            ComparisonResult.Lesser => higherIsBetter ? Verdict.Slower : Verdict.Faster,
            _ => Verdict.NoSignificantDifference,
        };
    }
}
