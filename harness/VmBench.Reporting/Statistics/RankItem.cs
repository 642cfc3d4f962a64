namespace VmBench.Reporting.Statistics;

/// <summary>One thing to rank (e.g. a server in one cell): its figure with a confidence interval, and optionally its ratio to the reference.</summary>
/// <param name="Name">What it is (unique within one ranking).</param>
/// <param name="Median">The figure ranked on, higher is better (e.g. median requests/s, or median ratio to the reference).</param>
/// <param name="Lower">The lower bound of the figure's confidence interval; null when there is none (too few trials).</param>
/// <param name="Upper">The upper bound of that interval; null when there is none.</param>
/// <param name="RatioToReference">The median of its paired ratio to the reference (<see cref="PairedRatio.Median"/>), for the ceiling; null when unknown.</param>
public sealed record RankItem(string Name, double Median, double? Lower, double? Upper, double? RatioToReference = null)
{
    /// <summary>Whether the item has a confidence interval to be ranked by.</summary>
    public bool HasInterval => Lower is not null && Upper is not null;
}
