namespace VmBench.Core.Load;

/// <summary>A latency distribution in milliseconds, read off an HdrHistogram.</summary>
public sealed record LatencySummary(
    long Count,
    double Min,
    double Mean,
    double Max,
    double StdDev,
    double Cv,
    double P25,
    double P50,
    double P75,
    double P90,
    double P99,
    double P999,
    double P9999,
    IReadOnlyList<PercentilePoint> Spectrum);
