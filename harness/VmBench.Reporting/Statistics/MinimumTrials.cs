using Perfolizer.Mathematics.Distributions.ContinuousDistributions;
using Perfolizer.Mathematics.SignificanceTesting.Base;
using Perfolizer.Mathematics.SignificanceTesting.MannWhitney;
using Perfolizer.Metrology;
using Pragmastat;

namespace VmBench.Reporting.Statistics;

/// <summary>
/// The fewest trials from which a test can give a verdict at all at its significance level, found by asking the
/// Perfolizer test itself (no hand-written table). Below this count a verdict would be impossible or meaningless,
/// so the tests say "too few trials (need N)" instead.
/// </summary>
/// <remarks>
/// At α = 0.05: <see cref="ChangeTest"/> runs each one-sided Mann-Whitney test at α/2 = 0.025 and needs
/// <see cref="MannWhitneyPerSide"/>(0.025) = 4 trials per run (with 3 the most extreme arrangement has
/// p = 1/C(6,3) = 0.05, with 4 it has 1/C(8,4) ≈ 0.014); <see cref="PairedComparison"/> needs
/// <see cref="PairedStudent"/>(0.05) = 2 complete trials (one degree of freedom for the spread of the log ratios),
/// at every α.
/// </remarks>
public static class MinimumTrials
{
    private const int Limit = 1000;

    /// <summary>
    /// The smallest n such that the one-sided exact Mann-Whitney test (Perfolizer's <see cref="MannWhitneyTest"/>)
    /// on n values per side, in its most extreme arrangement (every value of one side above every value of the
    /// other), has a p-value below <paramref name="oneSidedAlpha"/>. With fewer trials per side no data can reach
    /// significance.
    /// </summary>
    /// <param name="oneSidedAlpha">The significance level of one one-sided test, in (0, 1).</param>
    public static int MannWhitneyPerSide(double oneSidedAlpha)
    {
        CheckAlpha(oneSidedAlpha, nameof(oneSidedAlpha));
        for (var n = 1; n <= Limit; n++)
        {
            var high = new Sample(Enumerable.Range(0, n).Select(i => 2.0 + i).ToArray());
            var low = new Sample(Enumerable.Range(0, n).Select(i => -2.0 - i).ToArray());
            var p = MannWhitneyTest.Instance.GetPValue(high, low, AlternativeHypothesis.Greater, Threshold.Zero);
            if (p < oneSidedAlpha)
            {
                return n;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(oneSidedAlpha), oneSidedAlpha, "no trial count up to " + Limit + " reaches this significance level");
    }

    /// <summary>
    /// The smallest n for which the one-sample Student t-test over n values (Perfolizer's
    /// <see cref="Perfolizer.Mathematics.SignificanceTesting.StudentTest"/>) can reject at
    /// <paramref name="twoSidedAlpha"/>: the spread is estimated from the values, so the test needs n − 1 ≥ 1 degrees
    /// of freedom and a finite critical value of Perfolizer's <see cref="StudentDistribution"/> with n − 1 degrees of
    /// freedom. (Perfolizer itself returns p = 0 for a single value, whose spread it takes as 0; that is no evidence.)
    /// </summary>
    /// <param name="twoSidedAlpha">The significance level of the two-sided test, in (0, 1).</param>
    public static int PairedStudent(double twoSidedAlpha)
    {
        CheckAlpha(twoSidedAlpha, nameof(twoSidedAlpha));
        for (var n = 2; n <= Limit; n++)
        {
            if (double.IsFinite(new StudentDistribution(n - 1).Quantile(1 - (twoSidedAlpha / 2))))
            {
                return n;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(twoSidedAlpha), twoSidedAlpha, "no trial count up to " + Limit + " reaches this significance level");
    }

    internal static void CheckAlpha(double alpha, string name)
    {
        if (!(alpha > 0 && alpha < 1))
        {
            throw new ArgumentOutOfRangeException(name, alpha, "a significance level is in (0, 1)");
        }
    }
}
