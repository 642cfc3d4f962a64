namespace VmBench.Core.Load;

/// <summary>A progress tick from a running load job (about once a second).</summary>
public sealed record LoadProgress(bool WarmingUp, TimeSpan Elapsed, TimeSpan Total, long Requests, double RecentRequestsPerSecond);
