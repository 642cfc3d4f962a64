namespace VmBench.Reporting.Statistics;

/// <summary>What a comparison of two runs concludes about one figure.</summary>
public enum Verdict
{
    /// <summary>Too few repeats to test (one per side).</summary>
    NotApplicable,

    Faster,

    Slower,

    NoSignificantDifference,
}
