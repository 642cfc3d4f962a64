using VmBench.Core.Load;
using VmBench.Core.Results;
using VmBench.Core.Runtimes;

namespace VmBench.Reporting.Tables;

/// <summary>
/// One row of the result tables: a benchmark x variation, or a benchmark alone when it has no variation
/// (failed before measuring, or skipped). Latency figures come from the representative repeat: the one
/// whose requests/s is nearest the median over repeats.
/// </summary>
internal sealed record ResultRow(
    BenchmarkResult Benchmark,
    VariationResult? Variation,
    Status Status,
    string? Reason,
    Estimate? RequestsPerSecond,
    Estimate? P99Ms,
    LoadResult? Representative,
    bool ClientBound,
    string? ClientBoundReason)
{
    public int Repeats => Variation?.Runs.Count(r => r.Succeeded) ?? 0;

    public string VariationLabel => Variation?.Label ?? string.Empty;

    public ResourceUsage? Server => Variation?.Server;

    /// <summary>Constant-rate mode: p99 from the intended send times (coordinated omission corrected).</summary>
    public double? CorrectedP99Ms => Representative?.CorrectedLatency?.P99;

    public double? IntendedRate => Representative?.IntendedRate;

    /// <summary>Errors summed over repeats.</summary>
    public long Errors => Variation?.Runs.Sum(r => r.Errors) ?? 0;
}
