namespace VmBench.Core.Load;

/// <summary>One second of a measurement: requests completed in it, and the p99 latency (ms) of those requests.</summary>
public sealed record TimelineSample(int Second, double RequestsPerSecond, double P99Ms);
