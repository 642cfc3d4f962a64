using VmBench.Core.Load;

namespace VmBench.Core.Results;

/// <summary>One cell measured in one trial.</summary>
/// <param name="Trial">The trial, from 1.</param>
/// <param name="Position">Where the cell came in its trial's random order, from 1.</param>
/// <param name="Result">The load client's figures (a failed measurement keeps its failure here).</param>
/// <param name="ServerCpuUtilization">Server CPU time during the job / (wall time x the server's CPUs), 0..1; null when the runtime cannot tell.</param>
/// <param name="ServerCpuMicrosPerRequest">Server CPU time per request, the job's CPU time scaled to its measured part; null when the runtime cannot tell.</param>
/// <param name="ServerPeakMemoryBytes">The server's peak resident memory so far, read after the job; null when the runtime cannot tell.</param>
/// <param name="TrendPercent">Set when the per-second requests/s moved steadily through the measurement: the change along a least-squares fit, in percent of the mean.</param>
public sealed record TrialResult(
    int Trial,
    int Position,
    DateTimeOffset Started,
    LoadResult Result,
    double? ServerCpuUtilization,
    double? ServerCpuMicrosPerRequest,
    long? ServerPeakMemoryBytes,
    double? TrendPercent);
