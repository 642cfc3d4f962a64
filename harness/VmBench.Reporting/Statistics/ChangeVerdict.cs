namespace VmBench.Reporting.Statistics;

/// <summary>The verdict of a <see cref="ChangeTest"/>: its kind and, for <see cref="Verdict.TooFewTrials"/>, how many trials each run needs.</summary>
/// <param name="Kind">What the test concluded.</param>
/// <param name="NeedTrials">For <see cref="Verdict.TooFewTrials"/>: the number of trials each run needs before the test can give a verdict; null otherwise.</param>
public sealed record ChangeVerdict(Verdict Kind, int? NeedTrials = null)
{
    /// <summary>The new run is better by more than the minimum effect.</summary>
    public static ChangeVerdict Faster { get; } = new(Verdict.Faster);

    /// <summary>The new run is worse by more than the minimum effect.</summary>
    public static ChangeVerdict Slower { get; } = new(Verdict.Slower);

    /// <summary>No change beyond the minimum effect that the test can resolve.</summary>
    public static ChangeVerdict NoResolvableDifference { get; } = new(Verdict.NoResolvableDifference);

    /// <summary>Too few trials: each run needs <paramref name="needTrials"/>.</summary>
    public static ChangeVerdict TooFewTrials(int needTrials) => new(Verdict.TooFewTrials, needTrials);

    /// <summary>How the verdict reads in tables (<see cref="VerdictText.Of(ChangeVerdict)"/>).</summary>
    public override string ToString() => VerdictText.Of(this);
}
