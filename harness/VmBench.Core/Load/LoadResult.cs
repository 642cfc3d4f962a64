namespace VmBench.Core.Load;

/// <summary>The figures of one load-generation job (the measured part, warm-up excluded).</summary>
/// <param name="Latency">Latency from the actual send time (closed loop: the only latency).</param>
/// <param name="CorrectedLatency">Constant-rate mode: latency from the intended send time (coordinated-omission corrected).</param>
/// <param name="IntendedRate">Constant-rate mode: requests/s planned.</param>
/// <param name="Failure">Set when the job failed (payload mismatch, server gone): the variation is failed, never counted.</param>
/// <param name="Errors">Connections lost, plus the requests <paramref name="Stalled"/> at the end (timeouts).</param>
/// <param name="HistogramLog">The latency histograms in HdrHistogram's log format (version 1.3, as Java's HistogramLogWriter writes it): one interval per second of the measurement, tagged corrected/uncorrected at constant rate; or null.</param>
/// <param name="Outstanding">Requests still unanswered when the measurement ended that were older than every answered one (normally 0: a
/// closed loop's last requests were just sent). Each is in the latency figures and the last interval of the histogram
/// log with its age then, a lower bound of its latency, so a server that stopped answering shows in the tail; the
/// latency count is <paramref name="Requests"/> + Outstanding.</param>
/// <param name="Stalled">Requests unanswered for 1 s or more when the measurement ended: counted in <paramref name="Errors"/> (timeouts);
/// one unanswered for half the measurement or more fails the job.</param>
/// <param name="ConnectSeconds">The wall time setting up the connections took (open, and one verified request each), before the warm-up and the measurement (never in their figures); null when the job did not get that far.</param>
/// <param name="Tls">The protocol and cipher a TLS job negotiated (the same on every connection, or the job fails); null for plain TCP.</param>
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
    string? HistogramLog,
    long Outstanding = 0,
    long Stalled = 0,
    double? ConnectSeconds = null,
    TlsSession? Tls = null)
{
    public bool Succeeded => Failure is null;
}
