namespace VmBench.Core.Runtimes;

/// <summary>A server's resource use as its runtime measured it.</summary>
/// <param name="CpuSeconds">CPU time (user + system) since the server started.</param>
/// <param name="MemoryBytes">Current resident memory.</param>
/// <param name="PeakMemoryBytes">Peak resident memory so far.</param>
public sealed record ResourceUsage(double CpuSeconds, long MemoryBytes, long PeakMemoryBytes);
