namespace VmBench.Reporting.Statistics;

/// <summary>The ratio y / x of two figures measured in the same trials, as a <see cref="PairedComparison"/> finds it.</summary>
/// <param name="Trials">The complete trials used: those where both x and y were measured.</param>
/// <param name="Median">The median over those trials of y[t] / x[t]; null without a complete trial.</param>
/// <param name="GeometricMean">exp(mean of ln(y[t] / x[t])), the centre of the interval; null without a complete trial.</param>
/// <param name="Lower">The lower bound of the 95 % (1 − α) confidence interval of the ratio; null below <paramref name="NeedTrials"/> or the minimum.</param>
/// <param name="Upper">The upper bound of that interval; null like <paramref name="Lower"/>.</param>
/// <param name="PValue">The two-sided p-value of the one-sample t-test of the log ratios against 0; null when too few trials.</param>
/// <param name="Verdict">The verdict.</param>
/// <param name="NeedTrials">For <see cref="PairedVerdict.TooFewTrials"/>: the complete trials needed; null otherwise.</param>
public sealed record PairedRatio(
    int Trials,
    double? Median,
    double? GeometricMean,
    double? Lower,
    double? Upper,
    double? PValue,
    PairedVerdict Verdict,
    int? NeedTrials)
{
    /// <summary>Whether there is an interval (enough complete trials).</summary>
    public bool HasInterval => Lower is not null && Upper is not null;

    /// <summary>How the verdict reads in tables (<see cref="VerdictText.Of(PairedRatio)"/>).</summary>
    public string VerdictText => Statistics.VerdictText.Of(this);
}
