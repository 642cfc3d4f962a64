namespace VmBench.Reporting.Statistics;

/// <summary>What a <see cref="PairedComparison"/> concludes about the ratio y / x.</summary>
public enum PairedVerdict
{
    /// <summary>Fewer complete trials than the test needs; see <see cref="PairedRatio.NeedTrials"/>.</summary>
    TooFewTrials,

    /// <summary>y is above x: the test says so and the median ratio exceeds 1 + the minimum effect.</summary>
    Higher,

    /// <summary>y is below x: the test says so and the median ratio is under 1 − the minimum effect.</summary>
    Lower,

    /// <summary>Enough trials, but no difference beyond the minimum effect that the test can tell from noise.</summary>
    NoResolvableDifference,
}
