using Perfolizer.Mathematics.Common;
using Perfolizer.Mathematics.Distributions.ContinuousDistributions;
using Perfolizer.Mathematics.QuantileEstimators;
using Perfolizer.Mathematics.SignificanceTesting;
using Perfolizer.Mathematics.SignificanceTesting.Base;
using Pragmastat;

namespace VmBench.Reporting.Statistics;

/// <summary>
/// Compares two figures measured in the same trials (x[t] and y[t] in trial t: a server and the reference, or two
/// servers of one run): the ratio y / x as the median over trials, a confidence interval, and a verdict.
/// </summary>
/// <remarks>
/// <para>
/// <b>Test.</b> The one-sample Student t-test (Perfolizer's <see cref="StudentTest"/>, two-sided, at α) of the
/// per-trial log ratios d[t] = ln(y[t] / x[t]) against 0: the paired t-test on the log scale. Why this test:
/// pairing by trial is what cancels the machine's drift between trials, so the test must work on the per-trial
/// differences, which rules out Mann-Whitney (a two-sample test for unpaired data: it would throw the pairing
/// away and need 4 trials per side). Perfolizer 0.6.1 has no signed-rank test, and any rank test on the
/// differences needs at least 6 trials for a two-sided verdict at 0.05 (the most extreme arrangement has
/// p = 2 / 2^n), more than the usual 3 or 4. On the log scale the noise of a throughput or latency ratio is
/// multiplicative noise made additive, close to symmetric and normal, which is where the t-test is exact; it
/// needs only <see cref="Statistics.MinimumTrials.PairedStudent"/> (2) trials, the price of few trials being a
/// wide interval instead of none.
/// </para>
/// <para>
/// <b>Interval.</b> exp(mean(d) ± t(1 − α/2, n − 1) · sd(d) / √n), the t interval of the geometric-mean ratio
/// (quantile from Perfolizer's <see cref="StudentDistribution"/>). It matches the test: the interval excludes 1
/// exactly when p &lt; α. The point estimate is the median ratio; with few trials it may sit off the interval's
/// centre (<see cref="PairedRatio.GeometricMean"/>).
/// </para>
/// <para>
/// <b>Verdict.</b> <see cref="PairedVerdict.Higher"/> when p &lt; α, the mean log ratio is positive and the median
/// ratio exceeds 1 + <see cref="MinimumEffect"/>; <see cref="PairedVerdict.Lower"/> likewise below
/// 1 − <see cref="MinimumEffect"/>; otherwise <see cref="PairedVerdict.NoResolvableDifference"/>. The chance of
/// calling a difference when there is none is at most α (the minimum effect only removes calls).
/// </para>
/// <para>
/// <b>Missing trials.</b> A trial is used only when both x[t] and y[t] are present: null, NaN, infinite, zero
/// or negative values (a failed or missing measurement) drop the trial from the pairing.
/// </para>
/// </remarks>
public sealed class PairedComparison
{
    /// <summary>The default minimum effect: 0.05 (5 %).</summary>
    public const double DefaultMinimumEffect = 0.05;

    /// <summary>The default significance level: 0.05 (95 % intervals).</summary>
    public const double DefaultAlpha = 0.05;

    /// <param name="minimumEffect">The smallest |ratio − 1| called a difference, as a fraction (0.05 = 5 %), in [0, 1).</param>
    /// <param name="alpha">The significance level of the two-sided test; the interval is at 1 − α.</param>
    public PairedComparison(double minimumEffect = DefaultMinimumEffect, double alpha = DefaultAlpha)
    {
        if (!(minimumEffect >= 0 && minimumEffect < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumEffect), minimumEffect, "a minimum effect is a fraction in [0, 1)");
        }

        Statistics.MinimumTrials.CheckAlpha(alpha, nameof(alpha));
        MinimumEffect = minimumEffect;
        Alpha = alpha;
        MinimumTrials = Statistics.MinimumTrials.PairedStudent(alpha);
    }

    /// <summary>A comparison with the default minimum effect (5 %) and significance level (0.05).</summary>
    public static PairedComparison Default { get; } = new();

    /// <summary>The smallest |ratio − 1| called a difference, as a fraction.</summary>
    public double MinimumEffect { get; }

    /// <summary>The significance level of the test; intervals are at 1 − <see cref="Alpha"/>.</summary>
    public double Alpha { get; }

    /// <summary>The fewest complete trials for an interval and a verdict (2 at every α).</summary>
    public int MinimumTrials { get; }

    /// <summary>The ratio y / x over the trials where both were measured (null marks a missing or failed trial).</summary>
    /// <param name="x">The denominator, one value per trial (e.g. the reference).</param>
    /// <param name="y">The numerator, one value per trial, in the same trial order as <paramref name="x"/>.</param>
    /// <exception cref="ArgumentException">The two lists have different lengths.</exception>
    public PairedRatio Compare(IReadOnlyList<double?> x, IReadOnlyList<double?> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"x has {x.Count} trials and y {y.Count}: paired values come one per trial from both", nameof(y));
        }

        var logs = new List<double>(x.Count);
        for (var t = 0; t < x.Count; t++)
        {
            if (Usable(x[t]) && Usable(y[t]))
            {
                logs.Add(Math.Log(y[t]!.Value / x[t]!.Value));
            }
        }

        return FromLogRatios(logs);
    }

    /// <summary>The ratio y / x over the trials where both were measured (NaN marks a missing or failed trial).</summary>
    /// <param name="x">The denominator, one value per trial (e.g. the reference).</param>
    /// <param name="y">The numerator, one value per trial, in the same trial order as <paramref name="x"/>.</param>
    /// <exception cref="ArgumentException">The two lists have different lengths.</exception>
    public PairedRatio Compare(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        return Compare(x.Select(v => (double?)v).ToList(), y.Select(v => (double?)v).ToList());
    }

    private PairedRatio FromLogRatios(List<double> logs)
    {
        var n = logs.Count;
        if (n == 0)
        {
            return new PairedRatio(0, null, null, null, null, null, PairedVerdict.TooFewTrials, MinimumTrials);
        }

        var median = SimpleQuantileEstimator.Instance.Median(new Sample(logs.Select(Math.Exp).ToArray())).NominalValue;
        var moments = Moments.Create(logs);
        var geometricMean = Math.Exp(moments.Mean);
        if (n < MinimumTrials)
        {
            return new PairedRatio(n, median, geometricMean, null, null, null, PairedVerdict.TooFewTrials, MinimumTrials);
        }

        var p = (double)StudentTest.Instance.Run(new Sample(logs.ToArray()), 0, AlternativeHypothesis.TwoSides).PValue;
        var (lower, upper) = GeometricInterval.Of(logs.Select(l => Math.Exp(l)).ToArray(), Alpha)!.Value;
        var significant = p < Alpha;
        var verdict = significant && moments.Mean > 0 && median - 1 > MinimumEffect ? PairedVerdict.Higher
            : significant && moments.Mean < 0 && 1 - median > MinimumEffect ? PairedVerdict.Lower
            : PairedVerdict.NoResolvableDifference;
        return new PairedRatio(n, median, geometricMean, lower, upper, p, verdict, null);
    }

    private static bool Usable(double? value) => value is { } v && double.IsFinite(v) && v > 0;
}
