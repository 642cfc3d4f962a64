namespace VmBench.Core.Load;

/// <summary>The figures of one load-generation job (the measured part, warm-up excluded).</summary>
/// <param name="Latency">Latency from the actual send time (closed loop: the only latency).</param>
/// <param name="CorrectedLatency">Constant-rate mode: latency from the intended send time (coordinated-omission corrected).</param>
/// <param name="IntendedRate">Constant-rate mode: requests/s planned.</param>
/// <param name="Failure">Set when the job failed (payload mismatch, server gone): the variation is failed, never counted.</param>
/// <param name="HistogramLog">The latency histograms in HdrHistogram's log format (version 1.3, as Java's HistogramLogWriter writes it): one interval per second of the measurement, tagged corrected/uncorrected at constant rate; or null.</param>
public sealed record LoadResult(
    long Requests,
    long Messages,
    long Bytes,
    double Seconds,
    double RequestsPerSecond,
    double MiBPerSecond,
    LatencySummary Latency,
    LatencySummary? CorrectedLatency,
    double? IntendedRate,
    long Errors,
    string? Failure,
    IReadOnlyList<TimelineSample> Timeline,
    ClientUsage? Client,
    string? HistogramLog)
{
    public bool Succeeded => Failure is null;
}
