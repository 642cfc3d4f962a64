using VmBench.Core.Load;
using VmBench.Core.Results;
using VmBench.Reporting.Statistics;

namespace VmBench.Reporting.Tables;

/// <summary>
/// One row of the result tables: a benchmark x cell, or a benchmark alone when it has no cell (failed before
/// measuring, or skipped). Every figure is the cell summary's median over the same successful trials.
/// </summary>
internal sealed record ResultRow(BenchmarkResult Benchmark, VariationResult? Variation, Status Status, string? Reason)
{
    public VariationSummary? Summary => Variation?.Summary;

    public Estimate? RequestsPerSecond => Summary?.RequestsPerSecond;

    public Estimate? P99Ms => Summary?.P99Ms;

    /// <summary>Successful trials: the samples of every figure in the row.</summary>
    public int Trials => Variation?.Runs.Count ?? 0;

    public string VariationLabel => Variation?.Label ?? string.Empty;

    public CellFlags Flags => Summary?.Flags ?? CellFlags.None;

    public bool ClientBound => Flags.ClientBound;

    public string? ClientBoundReason => Flags.ClientBoundReason;

    /// <summary>"trial 3 measured again (its block ...)" for each measurement replaced at the end of the run; null when none was.</summary>
    public string? Remeasured => Variation is { Superseded.Count: > 0 } v
        ? string.Join("; ", v.Superseded.Select(s => $"trial {s.Trial.Trial.ToString(System.Globalization.CultureInfo.InvariantCulture)} measured again, {s.Reason}"))
        : null;

    /// <summary>Constant-rate mode: requests/s planned.</summary>
    public double? IntendedRate => Variation?.Runs.FirstOrDefault()?.IntendedRate;

    /// <summary>Errors summed over trials.</summary>
    public long Errors => Variation?.Trials.Sum(t => t.Result.Errors) ?? 0;

    /// <summary>Median over trials of the server's CPU time per request; null when the runtime could not tell.</summary>
    public double? ServerCpuMicrosPerRequest =>
        Variation?.Trials.Where(t => t.Result.Succeeded && t.ServerCpuMicrosPerRequest is not null).Select(t => t.ServerCpuMicrosPerRequest!.Value).ToArray() is { Length: > 0 } values
            ? PerfolizerSummarizer.Of(values).Median
            : null;

    /// <summary>The server's highest peak resident memory over the trials; null when the runtime could not tell.</summary>
    public long? ServerPeakMemoryBytes => Variation?.Trials.Max(t => t.ServerPeakMemoryBytes);

    /// <summary>For charts of a whole distribution (percentile spectrum, timeline): the trial whose requests/s is nearest the median.</summary>
    public LoadResult? Representative => ResultRows.Representative(Variation?.Runs ?? [], RequestsPerSecond?.Median);
}
