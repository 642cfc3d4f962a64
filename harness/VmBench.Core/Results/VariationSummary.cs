namespace VmBench.Core.Results;

/// <summary>
/// The headline figures of a cell: each the median over the same successful trials, with its 95 % confidence
/// interval, so every figure in a row is the same statistic over the same measurements.
/// </summary>
/// <param name="CorrectedP99Ms">Constant-rate mode: p99 from the intended send times (coordinated omission corrected); null in closed loop.</param>
/// <param name="Reference">The reference benchmark the ratio is paired with (same protocol, size and concurrency, same trial); null when there is none.</param>
/// <param name="ReferenceRatio">Requests/s divided by the reference's in the same trial, over the trials where both succeeded: the fraction of this machine's limit.</param>
/// <param name="ConnectSeconds">How long opening the connections took, before each measurement (never part of its figures).</param>
/// <param name="ReferenceRatios">The per-trial ratios <paramref name="ReferenceRatio"/> is computed over, in trial order.</param>
public sealed record VariationSummary(
    Estimate RequestsPerSecond,
    Estimate MiBPerSecond,
    Estimate P50Ms,
    Estimate P99Ms,
    Estimate? CorrectedP99Ms,
    string? Reference,
    Estimate? ReferenceRatio,
    IReadOnlyList<double> ReferenceRatios,
    CellFlags Flags,
    Estimate? ConnectSeconds = null);
