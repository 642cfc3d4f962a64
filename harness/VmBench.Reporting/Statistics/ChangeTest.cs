using System.Globalization;
using Perfolizer.Mathematics.Common;
using Perfolizer.Mathematics.SignificanceTesting;
using Perfolizer.Mathematics.SignificanceTesting.Base;
using Perfolizer.Mathematics.SignificanceTesting.MannWhitney;
using Perfolizer.Metrology;
using Pragmastat;

namespace VmBench.Reporting.Statistics;

/// <summary>
/// Tells whether a figure changed between two runs (unpaired: the trials of one run are not matched to those of
/// the other), as BenchmarkDotNet's statistical test column does: Perfolizer's equivalence test built on the
/// one-sided Mann-Whitney U test with a minimum effect (threshold). "Faster" means the test is confident the new
/// run is better by more than the threshold (the threshold is part of the null hypothesis, not a filter on the
/// estimate).
/// </summary>
/// <remarks>
/// <para>
/// Each direction is a one-sided test at α/2, so the chance of calling either direction when nothing changed is at
/// most α, whatever the threshold (Perfolizer runs each direction at the level it is given).
/// </para>
/// <para>
/// Perfolizer 0.6.1's <see cref="SimpleEquivalenceTest"/> also declares a change without any test when the
/// Hodges-Lehmann shift exceeds ten times the threshold (and, at threshold 0, for any shift); a verdict is therefore
/// kept only when the one-sided Mann-Whitney test in its direction agrees.
/// </para>
/// <para>
/// Below <see cref="MinimumTrials"/> trials in either run the verdict is <see cref="Verdict.TooFewTrials"/>: no
/// arrangement of so few values can reach significance (see
/// <see cref="Statistics.MinimumTrials.MannWhitneyPerSide"/>).
/// </para>
/// </remarks>
public sealed class ChangeTest
{
    /// <summary>The default minimum effect: 5 %.</summary>
    public const double DefaultThresholdPercent = 5;

    /// <summary>The default significance level: 0.05.</summary>
    public const double DefaultAlpha = 0.05;

    private static readonly SimpleEquivalenceTest s_test = new(MannWhitneyTest.Instance);

    private readonly Threshold _threshold;
    private readonly SignificanceLevel _perSide;

    /// <param name="thresholdPercent">The minimum effect: the smallest relative change worth reporting, in percent, in [0, 100).</param>
    /// <param name="alpha">The significance level of the whole test (both directions together), in (0, 1).</param>
    public ChangeTest(double thresholdPercent = DefaultThresholdPercent, double alpha = DefaultAlpha)
    {
        if (!(thresholdPercent >= 0 && thresholdPercent < 100))
        {
            throw new ArgumentOutOfRangeException(nameof(thresholdPercent), thresholdPercent, "a threshold is a percentage in [0, 100)");
        }

        Statistics.MinimumTrials.CheckAlpha(alpha, nameof(alpha));
        ThresholdPercent = thresholdPercent;
        Alpha = alpha;
        _threshold = Threshold.Parse(thresholdPercent.ToString(CultureInfo.InvariantCulture) + "%");
        _perSide = new SignificanceLevel(alpha / 2);
        MinimumTrials = Statistics.MinimumTrials.MannWhitneyPerSide(alpha / 2);
    }

    /// <summary>A test with the default threshold (5 %) and significance level (0.05).</summary>
    public static ChangeTest Default { get; } = new();

    /// <summary>The minimum effect, in percent: smaller changes are never reported.</summary>
    public double ThresholdPercent { get; }

    /// <summary>The significance level of the whole test (each direction is tested at half of it).</summary>
    public double Alpha { get; }

    /// <summary>The fewest trials each run needs for a verdict (4 at α = 0.05).</summary>
    public int MinimumTrials { get; }

    /// <summary>Compares the candidate's values of one figure with the baseline's.</summary>
    /// <param name="baseline">The figure's values in the base run, one per trial (failed trials left out).</param>
    /// <param name="candidate">The figure's values in the new run, one per trial.</param>
    /// <param name="higherIsBetter">True for requests/s, false for latency.</param>
    public ChangeVerdict Compare(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate, bool higherIsBetter)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        if (baseline.Count < MinimumTrials || candidate.Count < MinimumTrials)
        {
            return ChangeVerdict.TooFewTrials(MinimumTrials);
        }

        var x = new Sample(candidate.ToArray());
        var y = new Sample(baseline.ToArray());
        var greater = s_test.Perform(x, y, _threshold, _perSide) switch
        {
            ComparisonResult.Greater when Confirmed(x, y) => true,
            ComparisonResult.Lesser when Confirmed(y, x) => false,
            _ => (bool?)null,
        };
        return greater switch
        {
            null => ChangeVerdict.NoResolvableDifference,
            _ => greater == higherIsBetter ? ChangeVerdict.Faster : ChangeVerdict.Slower,
        };
    }

    /// <summary>Whether Mann-Whitney says <paramref name="high"/> is above <paramref name="low"/> by more than the threshold.</summary>
    private bool Confirmed(Sample high, Sample low) =>
        MannWhitneyTest.Instance.GetPValue(high, low, AlternativeHypothesis.Greater, _threshold) < _perSide;
}
