namespace VmBench.Core.Load;

/// <summary>What the load client itself spent: CPU time, utilisation of the cores it may use, and whether it limited the result.</summary>
/// <param name="CpuUtilization">CPU time / (wall time x cores the client may use), 0..1.</param>
/// <param name="ClientBound">True when the client, not the server, was the bottleneck (CPU near capacity or the plan not met).</param>
/// <param name="Reason">Why it is client-bound, for the console and report.</param>
public sealed record ClientUsage(double CpuSeconds, double CpuUtilization, double CpuMicrosPerRequest, bool ClientBound, string? Reason);
