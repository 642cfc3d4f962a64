namespace VmBench.Reporting.Statistics;

/// <summary>What a comparison of two runs (<see cref="ChangeTest"/>) concludes about one figure.</summary>
public enum Verdict
{
    /// <summary>Fewer trials than the test needs to give any verdict at its significance level; see <see cref="ChangeVerdict.NeedTrials"/>.</summary>
    TooFewTrials,

    /// <summary>The new run is better (more requests/s, or lower latency) by more than the minimum effect, and the test says so.</summary>
    Faster,

    /// <summary>The new run is worse (fewer requests/s, or higher latency) by more than the minimum effect, and the test says so.</summary>
    Slower,

    /// <summary>Enough trials, but no change beyond the minimum effect that the test can tell from noise.</summary>
    NoResolvableDifference,
}
