namespace VmBench.Reporting.Statistics;

/// <summary>How a <see cref="Verdict"/> reads in tables.</summary>
public static class VerdictText
{
    public static string Of(Verdict verdict) => verdict switch
    {
        Verdict.Faster => "faster",
        Verdict.Slower => "slower",
        Verdict.NoSignificantDifference => "no significant difference",
        _ => "n/a (single run; use --repeat)",
    };
}
