namespace VmBench.Core.Load;

/// <summary>One point of a percentile spectrum: the latency (ms) at or below which <see cref="Percentile"/> % of requests completed.</summary>
public sealed record PercentilePoint(double Percentile, double LatencyMs);
