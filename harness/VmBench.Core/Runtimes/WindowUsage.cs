namespace VmBench.Core.Runtimes;

/// <summary>What a server used over a measurement window.</summary>
/// <param name="CpuSeconds">CPU time (user + system) used over <paramref name="Seconds"/>.</param>
/// <param name="Seconds">The wall time the CPU figure covers (a runtime that samples may cover less than the whole window).</param>
/// <param name="PeakMemoryBytes">Peak resident memory so far, or null when unknown.</param>
public sealed record WindowUsage(double CpuSeconds, double Seconds, long? PeakMemoryBytes)
{
    /// <summary>Mean CPU use over the window, in cores.</summary>
    public double Cores => Seconds > 0 ? CpuSeconds / Seconds : 0;
}
