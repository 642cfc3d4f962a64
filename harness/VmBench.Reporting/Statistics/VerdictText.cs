using System.Globalization;

namespace VmBench.Reporting.Statistics;

/// <summary>How verdicts read in tables and pages.</summary>
public static class VerdictText
{
    /// <summary>"faster", "slower", "no resolvable difference" or "too few trials (need N)".</summary>
    public static string Of(ChangeVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return verdict.Kind switch
        {
            Verdict.Faster => "faster",
            Verdict.Slower => "slower",
            Verdict.NoResolvableDifference => NoResolvableDifference,
            _ => TooFewTrials(verdict.NeedTrials),
        };
    }

    /// <summary>"higher", "lower", "no resolvable difference" or "too few trials (need N)".</summary>
    public static string Of(PairedRatio ratio)
    {
        ArgumentNullException.ThrowIfNull(ratio);
        return ratio.Verdict switch
        {
            PairedVerdict.Higher => "higher",
            PairedVerdict.Lower => "lower",
            PairedVerdict.NoResolvableDifference => NoResolvableDifference,
            _ => TooFewTrials(ratio.NeedTrials),
        };
    }

    private const string NoResolvableDifference = "no resolvable difference";

    private static string TooFewTrials(int? need) =>
        need is { } n ? "too few trials (need " + n.ToString(CultureInfo.InvariantCulture) + ")" : "too few trials";
}
