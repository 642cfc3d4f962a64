using VmBench.Reporting.Statistics;

namespace VmBench.Reporting.Compare;

/// <summary>
/// One benchmark x variation present in both runs: medians over trials, the change in percent and the verdict of
/// <see cref="ChangeTest"/>, for requests/s, for p99 and for the fraction of the machine's limit (requests/s over the
/// reference's in the same trial). The last cancels what the machine did between the two runs: on one machine at two
/// moments it is the fairer question ("did this server change?"); across machines only the absolute figures mean
/// anything. Null where either run has no reference ratio for the cell (no reference, or the reference itself).
/// <see cref="Unfinished"/>: either run.json was left by a run that had not finished this cell (fewer trials than planned).
/// </summary>
public sealed record ComparisonRow(
    string Benchmark,
    string Variation,
    int MessageSize,
    int Concurrency,
    int BaseTrials,
    int NewTrials,
    double BaseRequestsPerSecond,
    double NewRequestsPerSecond,
    double RequestsPerSecondChangePercent,
    ChangeVerdict RequestsPerSecondVerdict,
    double BaseP99Ms,
    double NewP99Ms,
    double P99ChangePercent,
    ChangeVerdict P99Verdict,
    double? BaseReferenceRatio = null,
    double? NewReferenceRatio = null,
    ChangeVerdict? ReferenceRatioVerdict = null,
    bool Unfinished = false)
{
    /// <summary>The variation as the tables print it: marked when either run had not finished measuring it (status running).</summary>
    public string VariationText => Unfinished ? Variation + " (unfinished)" : Variation;
}
